"""Figures for chapter 06, overfitting and regularization.

The experiments themselves run in the chapter, where the reader can see them; these
functions only draw their results. The exception is ``regularization_demo``, the small
training run behind the chapter's widget and its static companion, which must be the
same code in both.
"""
import numpy as np

from .. import losses
from ..callbacks import LambdaCallback
from ..layers import Dense, Dropout
from ..models import Sequential
from ..optimizers import Adam
from ..regularizers import L2
from .boundary import decision_boundary, points
from .curves import loss_curves
from .style import BLUE, GREY, ORANGE, get_ax

__all__ = ["data_panels", "capacity_curves", "boundaries_vs_truth", "penalty_sweep",
           "weight_histograms", "early_stopping_curves", "remedies_comparison",
           "depth_experiment", "regularization_demo", "regularization_panel",
           "regularization_grid"]


def _subplots(ncols, nrows=1, width=3.2, height=3.0, **kwargs):
    import matplotlib.pyplot as plt

    return plt.subplots(nrows, ncols, figsize=(width * ncols, height * nrows),
                        layout="constrained", squeeze=False, **kwargs)


def _grid_for(n, ncols=None):
    """(nrows, ncols) for n panels: one row up to 3, else rows of ``ncols`` (default 2),
    so that the panels stay readable in the book's narrow column."""
    ncols = ncols or (n if n <= 3 else 2)
    return int(np.ceil(n / ncols)), ncols


def _check_same_length(**named):
    lengths = {name: len(value) for name, value in named.items() if value is not None}
    if len(set(lengths.values())) > 1:
        raise ValueError(f"Expected lists of the same length. Received lengths {lengths}.")


def _reference_contour(ax, reference):
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    xx, yy = np.meshgrid(np.linspace(x0, x1, 200), np.linspace(y0, y1, 200))
    zz = np.asarray(reference(np.column_stack([xx.ravel(), yy.ravel()])), dtype=float)
    ax.contour(xx, yy, zz.reshape(xx.shape), levels=[0], colors="k", linestyles="--",
               linewidths=1)


def data_panels(sets, reference=None, lim=1.6):
    """Scatter each named data set ({title: (X, y)}) in its own panel, on the same axes;
    ``reference`` as in ``boundaries_vs_truth``. Returns the figure."""
    fig, axes = _subplots(len(sets), width=3.2, height=3.2)
    for i, (ax, (title, (X, y))) in enumerate(zip(axes.flat, sets.items())):
        points(X, y, ax=ax, size=14 if len(X) > 300 else 24)
        ax.set_xlim(-lim, lim)
        ax.set_ylim(-lim, lim)
        ax.set_aspect("equal")
        ax.set_title(title)
        if reference is not None:
            _reference_contour(ax, reference)
        if i:
            ax.set_ylabel("")
    axes.flat[0].legend(loc="lower left", fontsize=7, framealpha=0.8)
    return fig


def capacity_curves(histories, titles=None, log=True, ncols=None):
    """Training and validation loss against epoch, one panel per network, all on the
    same y axis so the widening gap is visible. ``histories``: a list of History objects
    (or their ``.history`` dicts) with "loss" and "val_loss". Returns the figure."""
    _check_same_length(histories=histories, titles=titles)
    nrows, ncols = _grid_for(len(histories), ncols)
    fig, axes = _subplots(ncols, nrows, width=3.2, height=2.6, sharey=True)
    for i, (ax, history) in enumerate(zip(axes.flat, histories)):
        loss_curves(history, ax=ax, log=log, title=titles[i] if titles else None)
        if i % ncols:
            ax.set_ylabel("")
        if i:
            ax.get_legend() and ax.get_legend().remove()
    for ax in axes.flat[len(histories):]:
        ax.axis("off")
    return fig


def boundaries_vs_truth(models, X, y, titles=None, reference=None, ncols=None):
    """Decision boundaries of several models side by side over the same points.

    ``reference``: optionally a function of a (m, 2) grid whose zero contour is the true
    boundary of the task, drawn dashed (for the circle data: ``r - 0.6``). Returns the figure.
    """
    _check_same_length(models=models, titles=titles)
    nrows, ncols = _grid_for(len(models), ncols)
    fig, axes = _subplots(ncols, nrows, width=3.4, height=3.4)
    for i, (ax, model) in enumerate(zip(axes.flat, models)):
        decision_boundary(model, X, y, ax=ax, title=titles[i] if titles else None)
        if reference is not None:
            _reference_contour(ax, reference)
        if i % ncols:
            ax.set_ylabel("")
        if i == 0:
            ax.legend(loc="lower left", fontsize=7, framealpha=0.8)
    for ax in axes.flat[len(models):]:
        ax.axis("off")
    return fig


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


def early_stopping_curves(history, callback, ax=None):
    """Loss curves of a run with ``nk.EarlyStopping`` (or Keras's), with the best epoch
    (whose weights ``restore_best_weights`` puts back) and the epoch it stopped at."""
    ax = loss_curves(history, ax=ax)
    best = getattr(callback, "best_epoch", None)
    stopped = getattr(callback, "stopped_epoch", 0)
    logs = getattr(history, "history", history)
    top = ax.get_ylim()[1]
    if best is not None:
        ax.axvline(best + 1, color=GREY, ls=":", lw=1)
        ax.scatter([best + 1], [logs["val_loss"][best]], color=ORANGE, zorder=4, s=30)
        ax.text(best + 1, top, "best epoch (weights restored) ", rotation=90, ha="right",
                va="top", fontsize=8, color="0.3")
    if stopped:
        ax.axvline(stopped + 1, color="k", ls="--", lw=1)
        ax.text(stopped + 1, top, "stopped ", rotation=90, ha="right", va="top", fontsize=8)
    return ax


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


# -- the widget's experiment ---------------------------------------------------------
def regularization_demo(noise=0.2, n_train=50, l2=0.0, dropout=0.0, seed=0, epochs=200,
                        hidden=(32, 32)):
    """Train one ReLU network on the noisy circle with the given L2 strength and dropout
    rate (Adam, learning rate 0.01, full batch) and return a dict with the ``model``, its
    ``history`` ({"loss": [...], "val_loss": [...]}: the training and validation
    cross-entropy after every epoch, without the penalty and with dropout off, so that
    every setting is judged alike), the training set ``X, y``, the validation set
    ``X_val, y_val`` (200 points, same noise) and the final ``train_loss``, ``val_loss``."""
    from .. import data

    if not 0 <= dropout < 1:
        raise ValueError(f"dropout must be in [0, 1). Received: dropout={dropout!r}")
    X, y = data.circle(n=n_train, noise=noise, seed=100 + seed)
    X_val, y_val = data.circle(n=200, noise=noise, seed=1)
    layers = []
    for units in hidden:
        layers.append(Dense(units, activation="relu", kernel_initializer="he_normal",
                            kernel_regularizer=L2(l2) if l2 else None))
        if dropout:
            layers.append(Dropout(dropout))
    layers.append(Dense(1, activation="sigmoid"))
    model = Sequential(layers, seed=seed)
    model.compile(optimizer=Adam(0.01), loss="binary_crossentropy")
    bce = losses.get("binary_crossentropy")
    curves = {"loss": [], "val_loss": []}

    def record(epoch, logs):  # cross-entropy alone, dropout off, on both sets
        curves["loss"].append(bce(y, model.predict(X)))
        curves["val_loss"].append(bce(y_val, model.predict(X_val)))

    model.fit(X, y, epochs=epochs, batch_size=len(X), callbacks=[LambdaCallback(record)])
    return {"model": model, "history": curves, "X": X, "y": y, "X_val": X_val,
            "y_val": y_val, "train_loss": curves["loss"][-1],
            "val_loss": curves["val_loss"][-1]}


def _title(setting):
    names = {"l2": "L2 {:g}", "dropout": "dropout {:g}", "noise": "noise {:g}",
             "n_train": "{} training points", "seed": "seed {}"}
    parts = [names[k].format(v) for k, v in setting.items() if k in names]
    return ", ".join(parts) or "no remedy"


def regularization_panel(result, axes, title=None):
    """Draw one ``regularization_demo`` result on two axes: the boundary over the
    training points, and the loss curves (the numbers are cross-entropy alone)."""
    ax_b, ax_c = axes
    decision_boundary(result["model"], result["X"], result["y"], ax=ax_b, resolution=100,
                      title=title)
    loss_curves(result["history"], ax=ax_c, log=True)
    ax_c.set_title(f"train {result['train_loss']:.2f}, val {result['val_loss']:.2f}",
                   fontsize=9)
    return axes


def regularization_grid(settings, **common):
    """Small multiples of ``regularization_demo``, one row per setting (a dict of its
    arguments, e.g. ``{"l2": 0.01}``) laid out as the explorer draws it: the boundary on
    the left, the curves on the right; every row shares ``common``. Returns the figure."""
    fig, axes = _subplots(2, nrows=len(settings), width=3.2, height=2.7)
    for i, setting in enumerate(settings):
        result = regularization_demo(**{**common, **setting})
        regularization_panel(result, axes[i], title=_title(setting))
        axes[i, 1].set_ylim(0.01, 10)
        axes[i, 1].set_ylabel("cross-entropy")
        if i:
            axes[i, 1].get_legend() and axes[i, 1].get_legend().remove()
        if i < len(settings) - 1:
            axes[i, 0].set_xlabel("")
            axes[i, 1].set_xlabel("")
    return fig
