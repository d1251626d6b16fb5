"""Run the same training with many seeds (chapters 02, 03 and 06).

Training a network is a random experiment: the seed picks the initial weights and the
order of the examples, and two seeds can end in very different places (chapter 02's
2-2-1 network solves XOR with some seeds and gets stuck with others). One run says
little; a fair comparison runs every setting with the same list of seeds and reports
how often it worked and how the final losses spread.

``run_seeds`` builds a fresh model for each seed, fits it, and records the outcome;
``sweep`` does that for each value of one setting (a width, an activation, a penalty).

>>> import nnkit as nk
>>> X, y = nk.data.logic_gate("xor")
>>> def make_model(seed):
...     model = nk.Sequential([nk.Dense(2, activation="tanh"),
...                            nk.Dense(1, activation="sigmoid")], seed=seed)
...     model.compile(optimizer=nk.SGD(learning_rate=2.0), loss="binary_crossentropy")
...     return model
>>> runs = nk.experiments.run_seeds(make_model, X, y, seeds=range(10),
...                                 fit_kwargs={"epochs": 500, "batch_size": 4},
...                                 success=nk.experiments.all_correct)
>>> runs.successes, len(runs)
(9, 10)

It works with any model whose ``fit`` returns a Keras-style History (Keras models
included); the model's own randomness must come from the seed ``make_model`` receives.
"""
import time
from dataclasses import dataclass, field

import numpy as np

from .models import accuracy

__all__ = ["SeedResult", "SeedResults", "run_seeds", "sweep", "all_correct", "loss_below",
           "curve_error"]


@dataclass
class SeedResult:
    """The outcome of one training run.

    Attributes:
        seed: the seed passed to ``make_model``.
        loss: the last epoch's training loss (inf if training diverged).
        success: what ``success(model, X, y)`` returned, or None without a criterion.
        score: what ``score(model, X, y)`` returned (e.g. a test error), or None.
        history: the per-epoch logs, ``{"loss": [...], ...}``.
        diverged: True if the loss became NaN or infinite.
        seconds: wall-clock time of the fit.
        model: the trained model (None with ``keep_models=False``).
    """

    seed: int
    loss: float
    success: object = None
    score: object = None
    history: dict = field(default_factory=dict, repr=False)
    diverged: bool = False
    seconds: float = 0.0
    model: object = field(default=None, repr=False)


class SeedResults(list):
    """A list of ``SeedResult``, one per seed, with summaries."""

    @property
    def seeds(self):
        return [r.seed for r in self]

    @property
    def losses(self):
        """Final training losses, shape (runs,)."""
        return np.array([r.loss for r in self], dtype=float)

    @property
    def scores(self):
        return np.array([np.nan if r.score is None else r.score for r in self], dtype=float)

    @property
    def successes(self):
        """How many runs succeeded."""
        self._need_success()
        return int(sum(bool(r.success) for r in self))

    @property
    def success_rate(self):
        """The fraction of runs that succeeded, in [0, 1]."""
        self._need_success()
        return self.successes / len(self) if len(self) else float("nan")

    @property
    def standard_error(self):
        """The binomial standard error of ``success_rate``, sqrt(p (1 - p) / n): with
        n runs the rate itself is uncertain by about this much."""
        p = self.success_rate
        return float(np.sqrt(p * (1 - p) / len(self)))

    def failed(self):
        """The runs that did not succeed (or diverged)."""
        self._need_success()
        return SeedResults(r for r in self if not r.success)

    def succeeded(self):
        self._need_success()
        return SeedResults(r for r in self if r.success)

    def best(self, key="loss"):
        """The run with the lowest final ``loss`` (or ``score``)."""
        if not self:
            raise ValueError("There are no runs to choose from. Received: 0 results.")
        if key not in ("loss", "score"):
            raise ValueError(f"key must be 'loss' or 'score'. Received: key={key!r}")
        values = self.losses if key == "loss" else self.scores
        if np.all(np.isnan(values)):
            raise ValueError(f"No run has a {key}; pass score= to run_seeds to record one.")
        return self[int(np.nanargmin(values))]

    def _need_success(self):
        if any(r.success is None for r in self):
            raise ValueError("These runs were recorded without a success criterion; pass "
                             "success=nk.experiments.all_correct (or any function of "
                             "(model, X, y)) to run_seeds.")

    def __repr__(self):
        text = f"<SeedResults: {len(self)} runs"
        if self and all(r.success is not None for r in self):
            text += f", {self.successes} succeeded ({self.success_rate:.0%})"
        if self:
            text += f", median final loss {np.median(self.losses):.3g}"
        return text + ">"


def _check_callable(name, f):
    if f is not None and not callable(f):
        raise TypeError(f"{name} must be a function of (model, X, y) or None. "
                        f"Received: {name}={f!r} of type {type(f).__name__}.")


def run_seeds(make_model, X, y, seeds, fit_kwargs=None, success=None, score=None,
              keep_models=True):
    """Train one fresh model per seed on (X, y) and record how each run ended.

    Args:
        make_model: a function ``seed -> compiled model`` (nnkit or Keras); it must use
            the seed for all the model's randomness.
        X, y: the training data, passed to ``fit`` unchanged.
        seeds: an iterable of integer seeds, e.g. ``range(50)``.
        fit_kwargs: keyword arguments for ``fit`` (epochs, batch_size, ...).
        success: optional ``(model, X, y) -> bool``, e.g. ``all_correct``.
        score: optional ``(model, X, y) -> float``, e.g. an error on a test grid.
        keep_models: keep each trained model in ``result.model`` (default True).

    Returns:
        ``SeedResults``, a list with one ``SeedResult`` per seed, in the order given.
        A run whose loss becomes NaN or infinite is recorded as diverged (loss inf,
        success False) instead of stopping the experiment.
    """
    if not callable(make_model):
        raise TypeError("make_model must be a function seed -> compiled model. "
                        f"Received: {make_model!r} of type {type(make_model).__name__}.")
    _check_callable("success", success)
    _check_callable("score", score)
    try:
        seeds = list(seeds)
    except TypeError:
        raise TypeError(f"seeds must be an iterable of integers such as range(20). "
                        f"Received: seeds={seeds!r}.") from None
    if not seeds:
        raise ValueError("seeds is empty; expected at least one seed. Received: seeds=[].")
    bad = [s for s in seeds if isinstance(s, bool) or not isinstance(s, (int, np.integer))]
    if bad:
        raise TypeError(f"seeds must be integers. Received: {bad[:3]}.")
    if fit_kwargs is not None and not isinstance(fit_kwargs, dict):
        raise TypeError(f"fit_kwargs must be a dict of keyword arguments for fit. "
                        f"Received: {type(fit_kwargs).__name__}.")
    results = SeedResults()
    for seed in seeds:
        model = make_model(int(seed))
        if not hasattr(model, "fit"):
            raise TypeError(f"make_model({seed}) must return a model with a fit method. "
                            f"Received: {type(model).__name__}.")
        start, diverged = time.perf_counter(), False
        try:
            history = model.fit(X, y, **(fit_kwargs or {}))
            logs = dict(getattr(history, "history", history) or {})
        except FloatingPointError as err:  # nnkit's DivergenceError
            logs = dict(getattr(getattr(err, "history", None), "history", {}) or {})
            diverged = True
        seconds = time.perf_counter() - start
        losses = logs.get("loss") or [np.inf]
        loss = float(losses[-1])
        diverged = diverged or not np.isfinite(loss)
        if diverged:
            loss = np.inf
        ok = None if success is None else (False if diverged else bool(success(model, X, y)))
        value = None if score is None or diverged else float(score(model, X, y))
        results.append(SeedResult(seed=int(seed), loss=loss, success=ok, score=value,
                                  history=logs, diverged=diverged, seconds=seconds,
                                  model=model if keep_models else None))
    return results


def sweep(make_model, values, X, y, seeds, **kwargs):
    """``run_seeds`` for each value of one setting, with the same seeds for every value.

    ``make_model(value, seed)`` builds the model; the other arguments are
    ``run_seeds``'s. Returns a dict ``{value: SeedResults}`` in the order of ``values``.
    """
    if not callable(make_model):
        raise TypeError("make_model must be a function (value, seed) -> compiled model. "
                        f"Received: {type(make_model).__name__}.")
    seeds, values = list(seeds), list(values)
    if not values:
        raise ValueError("values is empty; expected at least one setting to try.")
    return {value: run_seeds(lambda seed, v=value: make_model(v, seed), X, y, seeds, **kwargs)
            for value in values}


def all_correct(model, X, y):
    """True when every example is classified right: for one output, prediction >= 0.5
    matches y >= 0.5 (Keras's binary accuracy, which also reads a signum unit's +1/-1
    as 1/0); for several outputs, argmax matches argmax."""
    y_hat = np.asarray(model.predict(X), dtype=float)
    y = np.asarray(y, dtype=float)
    if y.shape != y_hat.shape:
        raise ValueError(f"y has shape {y.shape}, expected {y_hat.shape} to match the "
                         f"model's predictions. Received: y of shape {y.shape}.")
    return accuracy(y, y_hat) == 1.0


def loss_below(threshold):
    """A success criterion: the model's ``evaluate(X, y)`` loss is below ``threshold``."""
    if not (np.isscalar(threshold) and threshold > 0):
        raise ValueError(f"threshold must be a positive number. Received: {threshold!r}")

    def success(model, X, y):
        result = model.evaluate(X, y)
        loss = result[0] if isinstance(result, (list, tuple)) else result
        return bool(loss < threshold)

    success.__name__ = f"loss_below({threshold})"
    return success


def curve_error(model, f, lo=-1.0, hi=1.0, n=1001):
    """How far a 1-D model's curve is from the function ``f`` on [lo, hi]: the root mean
    square of ``model.predict(x) - f(x)`` over ``n`` evenly spaced x, so between the
    training points as well as on them. ``f`` maps an (n, 1) array to (n, 1) values."""
    if not callable(f):
        raise TypeError(f"f must be a function of x. Received: {f!r}.")
    if not (isinstance(n, (int, np.integer)) and n >= 2 and lo < hi):
        raise ValueError(f"Expected lo < hi and an integer n >= 2. "
                         f"Received: lo={lo!r}, hi={hi!r}, n={n!r}.")
    x = np.linspace(lo, hi, n).reshape(-1, 1)
    y_hat = np.asarray(model.predict(x), dtype=float)
    y = np.asarray(f(x), dtype=float)
    if y_hat.shape != y.shape:
        raise ValueError(f"The model predicts shape {y_hat.shape} and f gives {y.shape} "
                         "for x of shape (n, 1); expected both (n, 1).")
    return float(np.sqrt(np.mean((y_hat - y) ** 2)))
