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

from .gaussian_process import GaussianProcess, expected_improvement

__all__ = ["Real", "Integer", "SearchResult", "grid_search", "random_search",
           "bayesian_search", "GaussianProcess", "expected_improvement"]


def _along(low, high, log, u):
    """The point a fraction u of the way from low to high (on a log scale if log)."""
    if log:
        return math.exp(math.log(low) + u * math.log(high / low))
    return low + u * (high - low)


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
        return float(_along(self.low, self.high, self.log, u))


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
        x = _along(self.low - 0.5, self.high + 0.5, self.log, u)
        return int(min(max(round(x), self.low), self.high))


def _check(objective, space, n_trials):
    if not callable(objective):
        raise TypeError(f"objective must be a function params -> score. "
                        f"Received: {objective!r}.")
    if not isinstance(space, dict) or not space:
        raise TypeError("space must be a non-empty dict {name: Real(...) or Integer(...)}. "
                        f"Received: {space!r}.")
    bad = {k: v for k, v in space.items() if not isinstance(v, Real)}
    if bad:
        raise TypeError(f"Each entry of space must be a Real or an Integer. Received: {bad!r}.")
    if isinstance(n_trials, bool) or not isinstance(n_trials, (int, np.integer)) \
            or n_trials < 1:
        raise ValueError(f"n_trials must be an integer >= 1. Received: n_trials={n_trials!r}.")


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
    params = [_params(space, u) for u in points]
    scores = np.array([float(objective(p)) for p in params])
    return SearchResult(method, space, np.asarray(points, float), params, scores)


def grid_search(objective, space, n_trials):
    """Try every combination of k evenly spaced values per hyperparameter, where
    ``n_trials = k ** d`` for d hyperparameters (16 trials in 2-D: a 4 x 4 grid). Each
    value sits in the middle of one of k equal slices of its range."""
    _check(objective, space, n_trials)
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
    _check(objective, space, n_trials)
    rng = np.random.default_rng(seed)
    return _run("random", objective, space, rng.uniform(size=(n_trials, len(space))))


def bayesian_search(objective, space, n_trials, seed=None, n_initial=4, n_candidates=2000,
                    xi=0.01, gp=None):
    """Random trials first (``n_initial``), then each next trial where a Gaussian-process
    surrogate of the scores so far has the largest ``expected_improvement`` among
    ``n_candidates`` random points: "random plus a bit of direction".

    ``xi`` is the margin, in the scores' units, by which a trial should beat the best
    score so far. With the same ``seed``, the first ``n_initial`` trials are the first
    trials of ``random_search``. The surrogate and EI are in ``nnkit.gaussian_process``.
    """
    _check(objective, space, n_trials)
    if isinstance(n_initial, bool) or not isinstance(n_initial, (int, np.integer)) \
            or not 1 <= n_initial <= n_trials:
        raise ValueError(f"n_initial must be an integer in [1, n_trials={n_trials}]. "
                         f"Received: n_initial={n_initial!r}.")
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
