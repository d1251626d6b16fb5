"""Hyperparameter search: grid, random and Bayesian, on the same budget (chapter 07).

A search maximises an ``objective(params) -> score`` (higher is better, e.g. a
validation accuracy) over a ``space``: a dict that names each hyperparameter and its
range, ``{"learning_rate": Real(1e-4, 1.0, log=True), "units": Integer(2, 64, log=True)}``.
Every method works in the unit cube ``[0, 1]^d`` and maps its points to values with
``Real.value``/``Integer.value``; every method returns a ``SearchResult`` with the trials
in the order they were run, so the three can be compared trial for trial.

>>> import nnkit as nk
>>> space = {"x": nk.search.Real(-2.0, 2.0)}
>>> result = nk.search.random_search(lambda p: -p["x"] ** 2, space, n_trials=10, seed=0)
>>> len(result), result.best_score <= 0
(10, True)
"""
import itertools
import math
from dataclasses import dataclass

import numpy as np

__all__ = ["Real", "Integer", "SearchResult", "grid_search", "random_search",
           "bayesian_search", "GaussianProcess", "expected_improvement"]


@dataclass(frozen=True)
class Real:
    """A real hyperparameter in [low, high]; ``log=True`` spreads trials evenly over
    orders of magnitude (a learning rate from 1e-4 to 1 gets as many trials in
    [1e-4, 1e-3] as in [0.1, 1])."""

    low: float
    high: float
    log: bool = False

    def __post_init__(self):
        if not (np.isfinite(self.low) and np.isfinite(self.high) and self.low < self.high):
            raise ValueError(f"Expected finite low < high. Received: low={self.low!r}, "
                             f"high={self.high!r}.")
        if self.log and self.low <= 0:
            raise ValueError(f"A log scale needs low > 0. Received: low={self.low!r}.")

    def value(self, u):
        """The value at position ``u`` in [0, 1] along the range."""
        if self.log:
            return float(math.exp(math.log(self.low) + u * math.log(self.high / self.low)))
        return float(self.low + u * (self.high - self.low))


@dataclass(frozen=True)
class Integer(Real):
    """An integer hyperparameter in [low, high] (both included), e.g. a layer width."""

    def __post_init__(self):
        super().__post_init__()
        if self.log and self.low < 1:
            raise ValueError(f"A log-scale Integer needs low >= 1. Received: low={self.low!r}.")

    def value(self, u):
        # Stretch [0, 1] to [low - 0.5, high + 0.5] before rounding, so the two end
        # values get as wide a slice of the range as the others.
        lo, hi = self.low - 0.5, self.high + 0.5
        if self.log:
            x = math.exp(math.log(lo) + u * math.log(hi / lo))
        else:
            x = lo + u * (hi - lo)
        return int(min(max(round(x), self.low), self.high))


def _check_space(space):
    if not isinstance(space, dict) or not space:
        raise TypeError("space must be a non-empty dict {name: Real(...) or Integer(...)}. "
                        f"Received: {space!r}.")
    bad = {k: v for k, v in space.items() if not isinstance(v, Real)}
    if bad:
        raise TypeError(f"Each entry of space must be a Real or an Integer. Received: {bad!r}.")


def _check_trials(n_trials, minimum=1):
    if isinstance(n_trials, bool) or not isinstance(n_trials, (int, np.integer)) \
            or n_trials < minimum:
        raise ValueError(f"n_trials must be an integer >= {minimum}. "
                         f"Received: n_trials={n_trials!r}.")


def _params(space, u):
    return {name: dim.value(float(ui)) for (name, dim), ui in zip(space.items(), u)}


@dataclass
class SearchResult:
    """The trials of one search, in the order they were run.

    Attributes:
        method: "grid", "random" or "bayesian".
        space: the search space searched.
        points: (n_trials, d) positions in the unit cube, one row per trial.
        params: the hyperparameters of each trial, a list of dicts.
        scores: (n_trials,) what the objective returned; higher is better.
    """

    method: str
    space: dict
    points: np.ndarray
    params: list
    scores: np.ndarray

    def __len__(self):
        return len(self.scores)

    @property
    def best_so_far(self):
        """(n_trials,) the best score among the first 1, 2, ... trials."""
        return np.maximum.accumulate(self.scores)

    @property
    def best_index(self):
        return int(np.argmax(self.scores))

    @property
    def best_score(self):
        return float(self.scores[self.best_index])

    @property
    def best_params(self):
        return self.params[self.best_index]

    def __repr__(self):
        return (f"<SearchResult {self.method}: {len(self)} trials, best score "
                f"{self.best_score:.3g} at {self.best_params}>")


def _run(method, objective, space, points):
    if not callable(objective):
        raise TypeError(f"objective must be a function params -> score. "
                        f"Received: {objective!r}.")
    params = [_params(space, u) for u in points]
    scores = np.array([float(objective(p)) for p in params])
    return SearchResult(method, space, np.asarray(points, float), params, scores)


def grid_search(objective, space, n_trials):
    """Try every combination of k evenly spaced values per hyperparameter, where
    ``n_trials = k ** d`` for d hyperparameters (16 trials in 2-D: a 4 x 4 grid). Each
    value sits in the middle of one of k equal slices of its range."""
    _check_space(space)
    _check_trials(n_trials)
    d = len(space)
    k = round(n_trials ** (1 / d))
    if k ** d != n_trials:
        raise ValueError(f"A grid over {d} hyperparameters has k**{d} trials (k values of "
                         f"each), e.g. {max(k - 1, 1) ** d} or {k ** d} or {(k + 1) ** d}. "
                         f"Received: n_trials={n_trials!r}.")
    levels = (np.arange(k) + 0.5) / k
    points = np.array(list(itertools.product(levels, repeat=d)))
    return _run("grid", objective, space, points)


def random_search(objective, space, n_trials, seed=None):
    """Try ``n_trials`` points drawn independently and uniformly from the unit cube (so
    log-uniformly for ``log=True`` ranges). Every trial tries a new value of every
    hyperparameter, which is why random search beats a grid when only a few of them
    matter (Bergstra and Bengio, 2012)."""
    _check_space(space)
    _check_trials(n_trials)
    rng = np.random.default_rng(seed)
    return _run("random", objective, space, rng.uniform(size=(n_trials, len(space))))


class GaussianProcess:
    """A Gaussian-process regression surrogate on the unit cube, in numpy.

    Prior: f ~ GP(0, k) with the squared-exponential kernel
    k(x, x') = exp(-|x - x'|^2 / (2 l^2)), observed with Gaussian noise of variance
    ``noise``. The scores are standardised (mean 0, std 1) before fitting. For training
    points X (n, d) with scores y, and K = k(X, X) + noise I, the posterior at x* is

        mean(x*) = k(x*, X) K^{-1} y,     var(x*) = 1 - k(x*, X) K^{-1} k(X, x*).

    ``fit`` picks the length scale l from ``length_scales`` by the log marginal
    likelihood, -1/2 y^T K^{-1} y - 1/2 log det K - n/2 log 2 pi.
    """

    def __init__(self, length_scales=(0.05, 0.1, 0.2, 0.3, 0.5, 1.0), noise=0.05,
                 normalize=True):
        if noise <= 0:
            raise ValueError(f"noise must be > 0. Received: noise={noise!r}.")
        self.length_scales, self.noise, self.normalize = tuple(length_scales), noise, normalize

    @staticmethod
    def kernel(A, B, length_scale):
        d2 = ((A[:, None, :] - B[None, :, :]) ** 2).sum(-1)
        return np.exp(-d2 / (2 * length_scale ** 2))

    def _factor(self, length_scale):
        K = self.kernel(self.X, self.X, length_scale) + self.noise * np.eye(len(self.X))
        L = np.linalg.cholesky(K)
        alpha = np.linalg.solve(L.T, np.linalg.solve(L, self.y))
        log_ml = (-0.5 * self.y @ alpha - np.log(np.diag(L)).sum()
                  - 0.5 * len(self.y) * np.log(2 * np.pi))
        return L, alpha, log_ml

    def fit(self, X, y):
        X, y = np.asarray(X, float), np.asarray(y, float).ravel()
        if X.ndim != 2 or len(X) != len(y) or not len(y):
            raise ValueError(f"Expected X of shape (n, d) and y of shape (n,). "
                             f"Received: X {X.shape}, y {y.shape}.")
        self.mean_, self.std_ = (y.mean(), y.std() or 1.0) if self.normalize else (0.0, 1.0)
        self.X, self.y = X, (y - self.mean_) / self.std_
        fits = [(self._factor(ls), ls) for ls in self.length_scales]
        (self.L, self.alpha, self.log_ml), self.length_scale = max(fits, key=lambda f: f[0][2])
        return self

    def predict(self, Xs):
        """Posterior mean and standard deviation at Xs (m, d), in the scores' units."""
        Ks = self.kernel(np.asarray(Xs, float), self.X, self.length_scale)
        mean = Ks @ self.alpha
        v = np.linalg.solve(self.L, Ks.T)
        var = np.clip(1.0 - (v ** 2).sum(0), 1e-12, None)
        return self.mean_ + self.std_ * mean, self.std_ * np.sqrt(var)


_erf = np.vectorize(math.erf)


def expected_improvement(mean, std, best, xi=0.0):
    """E[max(f - best - xi, 0)] for f ~ N(mean, std^2): how much a trial is expected to
    beat the best score so far (by more than a margin ``xi``).

    Derivation. Write f = mean + std * z with z ~ N(0, 1), and let
    u = (mean - best - xi) / std. The improvement is positive exactly when z > -u, so

        EI = integral_{-u}^{inf} (mean - best - xi + std * z) phi(z) dz
           = (mean - best - xi) * (1 - Phi(-u)) + std * integral_{-u}^{inf} z phi(z) dz
           = (mean - best - xi) * Phi(u) + std * phi(u),

    using 1 - Phi(-u) = Phi(u) and z phi(z) = -phi'(z), so that integral is phi(-u) =
    phi(u). The first term rewards a high predicted mean (exploitation), the second a
    large uncertainty (exploration). With std = 0, EI = max(mean - best - xi, 0).
    """
    mean, std = np.asarray(mean, float), np.asarray(std, float)
    if np.any(std < 0):
        raise ValueError(f"std must be >= 0. Received: min std {std.min()!r}.")
    gain = mean - best - xi
    safe = np.where(std > 0, std, 1.0)
    u = gain / safe
    pdf = np.exp(-0.5 * u ** 2) / math.sqrt(2 * math.pi)
    cdf = 0.5 * (1 + _erf(u / math.sqrt(2)))
    return np.where(std > 0, gain * cdf + std * pdf, np.maximum(gain, 0.0))


def bayesian_search(objective, space, n_trials, seed=None, n_initial=4, n_candidates=2000,
                    xi=0.01, gp=None):
    """Random trials first (``n_initial``), then each next trial where a Gaussian-process
    surrogate of the scores so far has the largest ``expected_improvement`` among
    ``n_candidates`` random points: "random plus a bit of direction"."""
    _check_space(space)
    _check_trials(n_trials)
    if isinstance(n_initial, bool) or not isinstance(n_initial, (int, np.integer)) \
            or not 1 <= n_initial <= n_trials:
        raise ValueError(f"n_initial must be an integer in [1, n_trials={n_trials}]. "
                         f"Received: n_initial={n_initial!r}.")
    if not callable(objective):
        raise TypeError(f"objective must be a function params -> score. "
                        f"Received: {objective!r}.")
    rng = np.random.default_rng(seed)
    gp = gp or GaussianProcess()
    d = len(space)
    points = list(rng.uniform(size=(n_initial, d)))
    scores = [float(objective(_params(space, u))) for u in points]
    while len(points) < n_trials:
        gp.fit(np.array(points), np.array(scores))
        candidates = rng.uniform(size=(n_candidates, d))
        mean, std = gp.predict(candidates)
        u = candidates[int(np.argmax(expected_improvement(mean, std, max(scores), xi)))]
        points.append(u)
        scores.append(float(objective(_params(space, u))))
    points = np.array(points)
    return SearchResult("bayesian", space, points, [_params(space, u) for u in points],
                        np.array(scores))
