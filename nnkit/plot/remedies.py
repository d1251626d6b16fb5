"""Charts that measure the remedies for overfitting (chapter 06): loss against penalty
strength, histograms of the weights a penalty leaves, every remedy's scores seed by
seed, and test accuracy against depth. They only draw results the chapter computed;
the figures of overfitting itself (curves, boundaries) are in ``overfitting``."""
import numpy as np

from .overfitting import _check_same_length, _subplots
from .style import BLUE, GREY, ORANGE, get_ax

__all__ = ["penalty_sweep", "weight_histograms", "remedies_comparison", "depth_experiment"]


def _mean_and_seeds(ax, x, values, colour, label, marker="o"):
    """A line through the means of ``values`` (k, seeds) and a faint dot per seed."""
    values = np.asarray(values, dtype=float)
    if values.ndim == 1:
        values = values[:, None]
    for j in range(values.shape[1]):
        ax.scatter(x, values[:, j], s=10, color=colour, alpha=0.3, zorder=2)
    ax.plot(x, values.mean(axis=1), marker=marker, color=colour, label=label, zorder=3)


def penalty_sweep(strengths, train_losses, val_losses, best=None, name="L2 strength",
                  ax=None):
    """Training and validation loss (rows: strengths, columns: seeds) against the
    penalty strength on a log axis; 0 is drawn at the left edge. ``best`` marks the
    chosen strength. Returns ax."""
    strengths = np.asarray(strengths, dtype=float)
    _check_same_length(strengths=strengths, train_losses=train_losses, val_losses=val_losses)
    positive = strengths[strengths > 0]
    if positive.size == 0:
        raise ValueError(f"Expected at least one positive strength. Received: {strengths}")
    # A log axis has no 0: put strength 0 one decade left of the smallest positive one.
    x = np.where(strengths > 0, strengths, positive.min() / 10)
    ax = get_ax(ax, figsize=(5, 3.2))
    _mean_and_seeds(ax, x, train_losses, BLUE, "training loss")
    _mean_and_seeds(ax, x, val_losses, ORANGE, "validation loss")
    ax.set_xscale("log")
    ticks = list(x)
    ax.set_xticks(ticks, ["0" if s == 0 else f"{s:g}" for s in strengths])
    ax.minorticks_off()
    if best is not None:
        ax.axvline(x[list(strengths).index(best)], color=GREY, ls=":", lw=1)
    ax.set_xlabel(name)
    ax.set_ylabel("cross-entropy")
    ax.legend(frameon=False)
    return ax


def weight_histograms(weights, bins=40, lo=-6, hi=1):
    """Histograms of log10 |w| for each named set of weights ({name: array}), one
    panel each, sharing the axes. Weights of exactly 0 are counted at the left edge.
    Returns the figure."""
    fig, axes = _subplots(len(weights), width=3.0, height=2.6, sharey=True)
    edges = np.linspace(lo, hi, bins + 1)
    for i, (ax, (name, w)) in enumerate(zip(axes.flat, weights.items())):
        w = np.abs(np.asarray(w, dtype=float).ravel())
        logw = np.clip(np.log10(np.maximum(w, 1e-300)), lo, hi)
        ax.hist(logw, bins=edges, color=[GREY, BLUE, ORANGE][i % 3], alpha=0.85)
        ax.set_title(name)
        ax.set_xlabel(rf"$\log_{{10}}|w|$ (left bin: $\leq {lo}$)")
        if i == 0:
            ax.set_ylabel("number of weights")
    return fig


def remedies_comparison(results, metrics=("test loss", "test accuracy")):
    """One row per remedy, one panel per metric: a dot per seed and a diamond at their
    mean; the first remedy (the baseline) is grey, and a dotted line carries its mean
    down the panel. ``results``: {remedy name: array (seeds, len(metrics))}. Returns the
    figure."""
    names = list(results)
    fig, axes = _subplots(len(metrics), width=3.6, height=0.35 * len(names) + 1.0,
                          sharey=True)
    ypos = np.arange(len(names))[::-1]
    for k, (ax, metric) in enumerate(zip(axes.flat, metrics)):
        for y0, name in zip(ypos, names):
            values = np.asarray(results[name], dtype=float)
            if values.ndim != 2 or values.shape[1] != len(metrics):
                raise ValueError(f"results[{name!r}] must have shape (seeds, {len(metrics)}). "
                                 f"Received: shape {values.shape}.")
            colour = GREY if y0 == ypos[0] else BLUE
            ax.scatter(values[:, k], np.full(len(values), y0), color=colour, s=14, alpha=0.6,
                       zorder=3)
            ax.scatter([values[:, k].mean()], [y0], color=colour, marker="D", s=40,
                       edgecolors="k", linewidths=0.6, zorder=4)
            if y0 == ypos[0]:
                ax.axvline(values[:, k].mean(), color=GREY, ls=":", lw=1)
        ax.set_xlabel(metric)
        ax.set_yticks(ypos, names)
        ax.grid(axis="y", color="0.92", zorder=0)
        ax.set_ylim(-0.6, len(names) - 0.4)
    return fig


def depth_experiment(results, metric="test accuracy"):
    """``results``: {recipe name: {number of layers: array of per-seed values}}. One
    line per recipe through the means, a faint dot per seed. Returns the figure."""
    fig, axes = _subplots(1, width=5.2, height=3.4)
    ax = axes[0, 0]
    colours = [BLUE, ORANGE, "#2ca02c", "#9467bd", "#d62728"]
    for i, (recipe, by_depth) in enumerate(results.items()):
        depths = sorted(by_depth)
        values = np.array([np.asarray(by_depth[d], dtype=float) for d in depths])
        offset = (i - (len(results) - 1) / 2) * 0.08  # keep the seed dots apart
        _mean_and_seeds(ax, np.array(depths) + offset, values, colours[i % len(colours)],
                        recipe)
    ax.set_xticks(depths, [str(d) for d in depths])
    ax.set_xlabel("layers (hidden layers + output layer)")
    ax.set_ylabel(metric)
    ax.legend(frameon=False, fontsize=8)
    return fig
