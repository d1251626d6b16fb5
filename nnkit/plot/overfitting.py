"""Figures of overfitting itself (chapter 06): the noisy data sets, training and
validation loss curves that part as capacity grows, decision boundaries against the true
one, where early stopping stopped, and the explorer's rows of boundary and curves.

The chapter's experiments run in the chapter, where the reader can see them; these
functions only draw their results. The exception is ``regularization_demo``, the small
training run behind the chapter's widget and its static companion, which must be the
same code in both. The charts that compare remedies are in ``remedies``.
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
from .style import GREY, ORANGE

__all__ = ["data_panels", "capacity_curves", "boundaries_vs_truth", "early_stopping_curves",
           "regularization_demo", "regularization_panel", "regularization_grid"]


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


def early_stopping_curves(history, callback, ax=None):
    """Loss curves of a run with ``nk.EarlyStopping`` (or Keras's), with the best epoch
    (whose weights ``restore_best_weights`` puts back) and the epoch it stopped at, both
    named in the legend (labels on the lines would cross the curves). Returns ax."""
    ax = loss_curves(history, ax=ax)
    best = getattr(callback, "best_epoch", None)
    stopped = getattr(callback, "stopped_epoch", 0)
    logs = getattr(history, "history", history)
    if best is not None:
        ax.axvline(best + 1, color=GREY, ls=":", lw=1.2, label="best epoch (restored)")
        ax.scatter([best + 1], [logs["val_loss"][best]], color=ORANGE, zorder=4, s=30)
    if stopped:
        ax.axvline(stopped + 1, color="k", ls="--", lw=1, label="stopped")
    ax.legend(frameon=True, framealpha=0.9, fontsize=8)
    return ax


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
