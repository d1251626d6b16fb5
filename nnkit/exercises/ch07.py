"""Checks for the exercises of chapter 07 (hyperparameter optimization)."""
import numpy as np

from ..search import expected_improvement


def check_grid_trials(n_trials):
    """Your count of the trials a grid search needs for 5 values of each of 3
    hyperparameters."""
    if n_trials == 15:
        raise AssertionError("Not yet: 15 = 5 + 5 + 5 would try each hyperparameter alone. "
                             "A grid tries every combination of the values.")
    if n_trials != 5 ** 3:
        raise AssertionError(f"Not yet: {n_trials!r} is not the number of combinations of "
                             "5 values for each of 3 hyperparameters.")
    print("Correct: 5 x 5 x 5 = 125 trials, and a random search with the same 125 trials "
          "would try 125\ndifferent values of every hyperparameter instead of 5.")


def check_log_uniform(sample, low=1e-4, high=1.0, n=20000):
    """``sample(low, high, n, rng)`` must return n learning rates in [low, high] whose
    logarithms are uniform: as many in [1e-4, 1e-3] as in [0.1, 1]."""
    draws = np.asarray(sample(low, high, n, np.random.default_rng(0)), dtype=float)
    if draws.shape != (n,):
        raise AssertionError(f"Expected an array of shape ({n},). Received: shape {draws.shape}.")
    if not (np.all(draws >= low) and np.all(draws <= high)):
        raise AssertionError(f"Some samples fall outside [{low}, {high}]: min {draws.min():.3g}, "
                             f"max {draws.max():.3g}.")
    again = np.asarray(sample(low, high, n, np.random.default_rng(0)), dtype=float)
    if not np.array_equal(draws, again):
        raise AssertionError("The same rng seed gave different samples: draw every random "
                             "number from the rng you are given.")
    decades = np.histogram(np.log10(draws), bins=np.linspace(np.log10(low), np.log10(high),
                                                             5))[0] / n
    if np.abs(decades - 0.25).max() > 0.03:
        raise AssertionError("Not log-uniform: the fractions of samples in the four decades "
                             f"1e-4..1e-3, ..., 0.1..1 are {np.round(decades, 2).tolist()}, "
                             "expected about 0.25 each. Sample the exponent uniformly.")
    print(f"Correct: the four decades get {np.round(decades, 3).tolist()} of the samples.")


def check_expected_improvement(ei):
    """``ei(mean, std, best)`` must give the expected improvement E[max(f - best, 0)] for
    f ~ N(mean, std^2), elementwise over arrays, including std = 0."""
    rng = np.random.default_rng(0)
    mean, std = rng.normal(0, 1, 50), rng.uniform(0, 2, 50)
    std[:5] = 0.0
    got = np.asarray(ei(mean, std, 0.3), dtype=float)
    want = expected_improvement(mean, std, 0.3)
    if got.shape != want.shape:
        raise AssertionError(f"Expected shape {want.shape}. Received: shape {got.shape}.")
    if not np.allclose(got[5:], want[5:], atol=1e-6):
        i = 5 + int(np.argmax(np.abs(got[5:] - want[5:])))
        raise AssertionError(f"Not yet: for mean={mean[i]:.3f}, std={std[i]:.3f}, best=0.3 "
                             f"you give {got[i]:.4f}, expected {want[i]:.4f}.")
    if not np.allclose(got[:5], want[:5], atol=1e-6):
        raise AssertionError("Right for std > 0, but with std = 0 the improvement is certain: "
                             "EI = max(mean - best, 0).")
    print("Correct: your EI matches (mean - best) Phi(u) + std phi(u) everywhere, and "
          "max(mean - best, 0) where std = 0.")
