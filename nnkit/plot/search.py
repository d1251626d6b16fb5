"""Figures for chapter 07, hyperparameter search. The searches run in the chapter (or in
``nnkit.search``); these functions draw their results, plus the synthetic picture of
why random search beats a grid (``grid_vs_random``)."""
import numpy as np
from matplotlib.ticker import FuncFormatter, NullFormatter

from ..search import GaussianProcess, Real, SearchResult
from .style import BLUE, GREY, ORANGE, get_ax

__all__ = ["METHOD_COLOURS", "hyperparameter_effects", "grid_vs_random", "best_so_far_curves",
           "trial_locations", "search_comparison"]

METHOD_COLOURS = {"grid": GREY, "random": ORANGE, "bayesian": BLUE}


def _subplots(ncols, nrows=1, width=3.2, height=3.0, **kwargs):
    import matplotlib.pyplot as plt

    return plt.subplots(nrows, ncols, figsize=(width * ncols, height * nrows),
                        layout="constrained", squeeze=False, **kwargs)


def hyperparameter_effects(effects, baseline=None, ylabel="validation accuracy", ncols=3):
    """Small multiples, one panel per hyperparameter changed alone from a baseline.

    Args:
        effects: ``{name: (values, scores)}`` with ``scores`` of shape (len(values), seeds):
            the score of each value with each training seed.
        baseline: optional ``{name: value}``; the baseline value is marked on each panel.
    Numeric values spanning more than a factor of 20 get a log axis; others (activation
    names) are placed side by side.
    """
    if not isinstance(effects, dict) or not effects:
        raise ValueError(f"effects must be a non-empty dict {{name: (values, scores)}}. "
                         f"Received: {effects!r}.")
    n = len(effects)
    ncols = min(ncols, n)
    nrows = -(-n // ncols)
    fig, axes = _subplots(ncols, nrows, width=2.9, height=2.5, sharey=True)
    for ax, (name, (values, scores)) in zip(axes.flat, effects.items()):
        scores = np.asarray(scores, float)
        if scores.ndim != 2 or len(scores) != len(values):
            raise ValueError(f"scores for {name!r} must have shape ({len(values)}, seeds). "
                             f"Received: {scores.shape}.")
        numeric = all(isinstance(v, (int, float, np.number)) for v in values)
        x = np.asarray(values, float) if numeric else np.arange(len(values))
        if numeric and x.min() > 0 and x.max() / x.min() > 20:
            ax.set_xscale("log")
        for j in range(scores.shape[1]):
            ax.plot(x, scores[:, j], "o", color=GREY, ms=3, alpha=0.6)
        ax.plot(x, scores.mean(1), "-o", color=BLUE, ms=5, label="mean over seeds")
        if not numeric or ax.get_xscale() == "linear":  # ticks at the values tried
            ax.set_xticks(x, [f"{v:g}" if numeric else str(v) for v in values])
        if baseline and name in baseline:
            bx = baseline[name] if numeric else list(values).index(baseline[name])
            ax.axvline(bx, color=ORANGE, ls="--", lw=1, label="baseline")
        ax.set_xlabel(name)
        ax.grid(alpha=0.3)
    for ax in axes[:, 0]:
        ax.set_ylabel(ylabel)
    for ax in list(axes.flat)[n:]:
        ax.set_visible(False)
    axes.flat[0].legend(fontsize=7, loc="lower right")
    return fig


def _important(x):  # the hyperparameter that matters: a narrow good band
    return np.exp(-((x - 0.62) / 0.08) ** 2)


def _unimportant(x):  # the one that hardly matters
    return 0.1 * np.sin(2 * np.pi * x) ** 2


def grid_vs_random(n=9, seed=0):
    """Bergstra and Bengio's (2012) picture: ``n`` grid trials and ``n`` random trials in
    a 2-D space where the score is g(x1) + h(x2), with g (top margins) sharply peaked and
    h (right margins) nearly flat. The ticks on the margins are the trials' projections:
    the grid tries only sqrt(n) values of the important x1, random search n of them."""
    k = int(round(np.sqrt(n)))
    if k * k != n:
        raise ValueError(f"n must be a perfect square (a k x k grid). Received: n={n!r}.")
    import matplotlib.pyplot as plt

    levels = (np.arange(k) + 0.5) / k
    grid = np.array([(a, b) for a in levels for b in levels])
    rand = np.random.default_rng(seed).uniform(size=(n, 2))
    fig = plt.figure(figsize=(8.2, 4.2), layout="constrained")
    outer = fig.add_gridspec(1, 2)
    t = np.linspace(0, 1, 300)
    G, H = np.meshgrid(_important(t), _unimportant(t))
    for spec, pts, title, colour in ((outer[0], grid, f"grid: {k} values of $x_1$", GREY),
                                     (outer[1], rand, f"random: {n} values of $x_1$", ORANGE)):
        gs = spec.subgridspec(2, 2, width_ratios=(4, 1), height_ratios=(1, 4))
        main = fig.add_subplot(gs[1, 0])
        top = fig.add_subplot(gs[0, 0], sharex=main)
        right = fig.add_subplot(gs[1, 1], sharey=main)
        main.contourf(t, t, G + H, levels=12, cmap="Greys", alpha=0.5)
        main.plot(pts[:, 0], pts[:, 1], "o", color=colour, mec="k", ms=7)
        main.set(xlim=(0, 1), ylim=(0, 1), xlabel="$x_1$ (important)",
                 ylabel="$x_2$ (unimportant)")
        top.plot(t, _important(t), color="k", lw=1)
        best = _important(pts[:, 0]).max()
        top.plot(pts[:, 0], _important(pts[:, 0]), "o", color=colour, mec="k", ms=5)
        top.set_title(f"{title}; best $g(x_1)$ = {best:.2f}", fontsize=9)
        top.set_ylabel("$g(x_1)$")
        top.tick_params(labelbottom=False)
        right.plot(_unimportant(t), t, color="k", lw=1)
        right.plot(_unimportant(pts[:, 1]), pts[:, 1], "o", color=colour, mec="k", ms=5)
        right.set_xlim(0, 1)
        right.set_xlabel("$h(x_2)$")
        right.tick_params(labelleft=False)
    return fig


def _check_results(results_by_method):
    if not isinstance(results_by_method, dict) or not results_by_method:
        raise ValueError("Expected a dict {method: [SearchResult, ...]}. "
                         f"Received: {results_by_method!r}.")


def best_so_far_curves(results_by_method, ax=None, ylabel="best validation accuracy so far"):
    """The best score after 1, 2, ... trials, one line per method: the mean over the
    searches (one per search seed) with a band from the worst to the best search."""
    _check_results(results_by_method)
    ax = get_ax(ax, figsize=(5.5, 3.6))
    for method, results in results_by_method.items():
        results = [results] if isinstance(results, SearchResult) else list(results)
        curves = np.array([r.best_so_far for r in results])
        t = np.arange(1, curves.shape[1] + 1)
        colour = METHOD_COLOURS.get(method, "k")
        ax.fill_between(t, curves.min(0), curves.max(0), color=colour, alpha=0.15, lw=0)
        ax.plot(t, curves.mean(0), "-o", ms=3, color=colour,
                label=f"{method} (mean of {len(curves)})")
    ax.set(xlabel="trial", ylabel=ylabel)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="lower right")
    return ax


def _limits(dim):
    if dim.log:
        return dim.low / 1.3, dim.high * 1.3
    pad = 0.04 * (dim.high - dim.low)
    return dim.low - pad, dim.high + pad


def _axis_values(result, name):
    dim = result.space[name]
    return np.array([p[name] for p in result.params], float), dim


def trial_locations(result, x=None, y=None, ax=None, surrogate=True, numbers=True,
                    vmin=None, vmax=None, colorbar=True, title=None):
    """Where one search put its trials, in the plane of hyperparameters ``x`` and ``y``
    (default: the first two of the space), coloured by score and numbered in order.
    With ``surrogate=True`` and a 2-D space, the background is the mean of a Gaussian
    process fitted to all the trials: what the search has learned about the scores."""
    if not isinstance(result, SearchResult):
        raise TypeError(f"Expected a SearchResult. Received: {type(result).__name__}.")
    names = list(result.space)
    x, y = x or names[0], y or (names[1] if len(names) > 1 else None)
    for name in (x, y):
        if name not in result.space:
            raise ValueError(f"{name!r} is not a hyperparameter of this search; expected one "
                             f"of {names}. Received: {name!r}.")
    ax = get_ax(ax, figsize=(4, 3.6))
    xs, xdim = _axis_values(result, x)
    ys, ydim = _axis_values(result, y)
    vmin = result.scores.min() if vmin is None else vmin
    vmax = result.scores.max() if vmax is None else vmax
    if surrogate and len(names) == 2:
        u = np.linspace(0, 1, 60)
        U = np.array([(a, b) for b in u for a in u])
        mean, _ = GaussianProcess().fit(result.points, result.scores).predict(U)
        gx = [xdim.value(a) for a in u]
        gy = [ydim.value(b) for b in u]
        ax.contourf(gx, gy, mean.reshape(60, 60), levels=12, cmap="Blues", alpha=0.45,
                    vmin=vmin, vmax=vmax)
    sc = ax.scatter(xs, ys, c=result.scores, cmap="viridis", vmin=vmin, vmax=vmax,
                    edgecolor="k", s=45, zorder=3)
    if numbers:
        for i, (a, b) in enumerate(zip(xs, ys)):
            ax.annotate(str(i + 1), (a, b), textcoords="offset points", xytext=(4, 4),
                        fontsize=6, zorder=4)
    best = result.best_index
    ax.scatter([xs[best]], [ys[best]], marker="*", s=220, color="red", edgecolor="k",
               zorder=5)
    plain = FuncFormatter(lambda v, _: f"{v:g}")
    for dim, axis, setter in ((xdim, ax.xaxis, ax.set_xscale), (ydim, ax.yaxis, ax.set_yscale)):
        if isinstance(dim, Real) and dim.log:
            setter("log")
            if type(dim).__name__ == "Integer":  # ticks at powers of 2: 2, 4, 8, ...
                ticks = [2 ** k for k in range(12) if dim.low <= 2 ** k <= dim.high]
                axis.set_ticks(ticks)
                axis.set_major_formatter(plain)
                axis.set_minor_formatter(NullFormatter())
    ax.set_xlim(*_limits(xdim))
    ax.set_ylim(*_limits(ydim))
    ax.set(xlabel=x, ylabel=y)
    ax.set_title(title or f"{result.method}: {len(result)} trials, best (red star) "
                          f"{result.best_score:.2f}", fontsize=9)
    if colorbar:
        ax.figure.colorbar(sc, ax=ax, label="score", shrink=0.8)
    return ax


def search_comparison(results, x=None, y=None, surrogate=False):
    """Side by side, where each method put its trials: ``results`` is
    ``{method: SearchResult}`` (one search each, same budget); one colour scale, and
    the best trial (red star) and its score in each panel's title."""
    if not isinstance(results, dict) or not results:
        raise ValueError(f"Expected a dict {{method: SearchResult}}. Received: {results!r}.")
    scores = np.concatenate([r.scores for r in results.values()])
    fig, axes = _subplots(len(results), width=2.6, height=2.8, sharey=True)
    for i, (ax, r) in enumerate(zip(axes.flat, results.values())):
        trial_locations(r, x, y, ax=ax, surrogate=surrogate, numbers=False,
                        vmin=scores.min(), vmax=scores.max(), colorbar=i == len(results) - 1,
                        title=f"{r.method}: best {r.best_score:.2f}")
        if i:
            ax.set_ylabel("")
    return fig
