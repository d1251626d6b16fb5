"""Figures for chapter 03 (activation functions compared): every activation and every
derivative on shared axes, the gradient norm at each layer of a deep network, the
fraction of dead ReLU units during training, loss curves and decision boundaries of the
same network trained with different activations, and the small multiples that stand in
for the activation explorer widget in the HTML book."""
import matplotlib.pyplot as plt
import numpy as np

from .. import activations
from ..diagnostics import fit_mlp
from .boundary import decision_boundary
from .style import BLUE, GREY, ORANGE, get_ax

__all__ = ["ACTIVATION_COLOURS", "activation_colour", "activation_overlay",
           "gradient_norms_by_layer", "dead_units_curves", "activation_comparison",
           "comparison_boundaries", "explorer_panels", "explorer_grid"]

# One colour per activation, the same in every figure of the chapter.
ACTIVATION_COLOURS = {"linear": GREY, "sigmoid": ORANGE, "tanh": "#2ca02c", "relu": BLUE,
                      "leaky_relu": "#9467bd", "sign": "#d62728", "step": "#8c564b",
                      "softmax": "#17becf"}
_EXTRA = ["#e377c2", "#bcbd22", "#7f7f7f", "#17becf", "#8c564b"]


def activation_colour(label, i=0):
    """The colour of an activation name; other labels (mixes) get one by position i."""
    return ACTIVATION_COLOURS.get(str(label), _EXTRA[i % len(_EXTRA)])


def activation_overlay(names=("sign", "sigmoid", "tanh", "relu", "leaky_relu"), z=None):
    """Two panels side by side: the activations f(z) on the left, their derivatives
    f'(z) on the right, on shared axes, with the sigmoid's bound f' <= 1/4 dotted.
    Softmax, if named, is drawn as its first output for the scores (z, 0), which is
    sigmoid(z), dotted. Leaky ReLU is dashed, so that ReLU stays visible where the two
    coincide (z > 0). Returns the figure."""
    names = list(names)
    z = np.linspace(-4, 4, 801) if z is None else np.asarray(z, dtype=float)
    fig, (left, right) = plt.subplots(1, 2, figsize=(8.6, 3.6), layout="constrained",
                                      sharex=True)
    for i, name in enumerate(names):
        f = activations.get(name)
        if f.name == "softmax":
            zz = np.column_stack([z, np.zeros_like(z)])
            a, da = f(zz)[:, 0], f.derivative(zz)[:, 0, 0]
        else:
            a, da = f(z), f.derivative(z)
        style = dict(color=activation_colour(f.name, i), lw=2 if f.name != "softmax" else 1.5,
                     ls={"softmax": ":", "leaky_relu": "--"}.get(f.name, "-"))
        left.plot(z, a, label=f.name, **style)
        right.plot(z, da, label=f.name, **style)
    right.axhline(0.25, color="k", lw=0.8, ls=":")
    right.text(z[0], 0.27, "1/4: the most sigmoid' can be", fontsize=9, va="bottom")
    for ax, title in ((left, "activation f(z)"), (right, "derivative f'(z)")):
        ax.axhline(0, color="0.8", lw=0.8, zorder=0)
        ax.axvline(0, color="0.8", lw=0.8, zorder=0)
        ax.set_xlabel("z")
        ax.set_title(title)
    left.set_ylim(-1.6, 2.6)
    right.set_ylim(-0.1, 1.15)
    left.legend(frameon=False, fontsize=9, loc="upper left")
    return fig


def _median_band(ax, x, rows, colour, label, marker=None):
    rows = np.atleast_2d(np.asarray(rows, dtype=float))
    ax.plot(x, np.nanmedian(rows, axis=0), color=colour, lw=2, marker=marker, ms=4,
            label=label)
    if len(rows) > 1:
        ax.fill_between(x, np.nanmin(rows, axis=0), np.nanmax(rows, axis=0), color=colour,
                        alpha=0.2, lw=0)


def gradient_norms_by_layer(norms, ax=None, ylabel="RMS of dL/dW per weight"):
    """The gradient at each layer, first layer on the left, log scale: one line per
    label of ``norms`` ({label: array (seeds, layers)} from
    ``diagnostics.gradient_norms_at_init``), the median over seeds with the range
    shaded. Returns ax."""
    ax = get_ax(ax, figsize=(6.5, 3.8))
    for i, (label, rows) in enumerate(norms.items()):
        rows = np.atleast_2d(rows)
        layers = np.arange(1, rows.shape[1] + 1)
        _median_band(ax, layers, rows, activation_colour(label, i), label,
                     marker="o")
    ax.set_yscale("log")
    ax.set_xticks(layers)
    ax.set_xticklabels([str(k) for k in layers[:-1]] + [f"{layers[-1]}\n(output)"])
    ax.set_xlabel("layer (the gradient flows from right to left)")
    ax.set_ylabel(ylabel)
    ax.legend(frameon=False, fontsize=9)
    return ax


def dead_units_curves(curves, ax=None, activation="ReLU"):
    """The fraction of dead units after each epoch, one line per learning rate of
    ``curves`` ({learning_rate: array (seeds, epochs + 1)} from
    ``diagnostics.dead_units_during_training``), median over seeds with the range
    shaded. Epoch 0 is the untrained network. Returns ax."""
    ax = get_ax(ax, figsize=(6, 3.5))
    colours = ["#2ca02c", BLUE, ORANGE, "#d62728", "#9467bd"]
    for i, (lr, rows) in enumerate(curves.items()):
        rows = np.atleast_2d(rows)
        _median_band(ax, np.arange(rows.shape[1]), rows, colours[i % len(colours)],
                     f"learning rate {lr:g}")
    ax.set_xlabel("epoch")
    ax.set_ylabel(f"fraction of dead {activation} units")
    ax.set_ylim(-0.03, 1.2)
    ax.set_yticks(np.linspace(0, 1, 6))
    ax.legend(frameon=False, fontsize=9, ncol=len(curves), loc="upper center")
    return ax


def activation_comparison(comparison, ax=None, log=True):
    """Training loss against epoch for every label of a ``diagnostics.Comparison``:
    a thin line per seed and a thick line for the median over seeds. The "linear"
    baseline is dashed, so that it stays visible under a curve that is just as flat.
    Returns ax."""
    ax = get_ax(ax, figsize=(6.5, 4))
    for i, label in enumerate(comparison.labels):
        colour = activation_colour(label, i)
        losses = np.array([r["loss"] for r in comparison.of(label)])
        epochs = np.arange(1, losses.shape[1] + 1)
        for row in losses:
            ax.plot(epochs, row, color=colour, lw=0.5, alpha=0.3)
        ax.plot(epochs, np.median(losses, axis=0), color=colour, lw=2.2,
                ls="--" if label == "linear" else "-", zorder=3 if label == "linear" else 2,
                label=f"{label} ({len(losses)} seeds)")
    ax.set_xlabel("epoch")
    ax.set_ylabel("training loss (binary cross-entropy)")
    if log:
        ax.set_yscale("log")
    ax.legend(frameon=False, fontsize=9, loc="lower left")
    return ax


def comparison_boundaries(comparison, X, y, seed=None, ncols=None, resolution=100):
    """Small multiples: the decision boundary of one seed's model (default the first
    seed) for every label of a ``diagnostics.Comparison``, drawn over (X, y), with its
    accuracy in the title; ``ncols`` panels a row (default at most 3, so that each panel
    stays legible in the book's column). Returns the figure."""
    labels = comparison.labels
    ncols = ncols or min(3, len(labels))
    nrows = int(np.ceil(len(labels) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(2.7 * ncols, 2.9 * nrows),
                             layout="constrained", squeeze=False, sharex=True, sharey=True)
    for ax, label in zip(axes.flat, labels):
        runs = comparison.of(label)
        run = runs[0] if seed is None else next(r for r in runs if r["seed"] == seed)
        decision_boundary(run["model"], X, y, ax=ax, resolution=resolution)
        ax.set_title(f"{label}\naccuracy {run['accuracy']:.2f} (seed {run['seed']})",
                     fontsize=10)
        ax.set_xlabel("")
        ax.set_ylabel("")
    for ax in axes.flat[len(labels):]:
        ax.axis("off")
    return fig


def _log_loss_axis(ax):
    """Log scale when the plotted losses span a factor of 10 or more, else linear (a
    log axis within one decade would have no labelled ticks)."""
    from matplotlib.ticker import NullFormatter
    lo, hi = ax.dataLim.y0, ax.dataLim.y1
    if lo > 0 and hi / lo >= 10:
        ax.set_yscale("log")
        ax.yaxis.set_minor_formatter(NullFormatter())


def explorer_panels(model, history, X, y, axes, diverged=False, resolution=100):
    """What the activation explorer shows: the decision boundary (axes[0]) and the
    training loss (axes[1]) of a model fitted by ``diagnostics.fit_mlp``."""
    boundary_ax, loss_ax = axes
    loss = history.history.get("loss", [])
    if diverged or not loss:
        boundary_ax.scatter(X[:, 0], X[:, 1], c=GREY, s=8)
        boundary_ax.set_title("diverged: the loss became NaN", fontsize=9)
    else:
        decision_boundary(model, X, y, ax=boundary_ax, resolution=resolution)
        boundary_ax.set_title(f"training accuracy {model.evaluate(X, y)[1]:.2f}",
                              fontsize=9)
    boundary_ax.set_xlabel("")
    boundary_ax.set_ylabel("")
    if loss:
        loss_ax.plot(np.arange(1, len(loss) + 1), loss, color=BLUE)
        _log_loss_axis(loss_ax)
    loss_ax.set_xlabel("epoch")
    loss_ax.set_ylabel("loss")
    loss_ax.set_title(f"final loss {loss[-1]:.3f}" if loss else "no epoch completed",
                      fontsize=9)


def explorer_grid(X, y, activations=("sigmoid", "tanh", "relu"), depths=(1, 3, 6),
                  learning_rate=0.3, epochs=150, width=16, seed=0, resolution=70):
    """The static companion of ``nnkit.widgets.activation_explorer``: one row per
    activation and one column per depth (number of hidden layers), each panel the
    decision boundary after ``epochs`` of SGD, and a last column with that row's loss
    curves. Returns the figure."""
    X = np.asarray(X, dtype=float)
    n = len(depths)
    fig, axes = plt.subplots(len(activations), n + 1, figsize=(2.3 * (n + 1) + 0.6,
                                                                 2.3 * len(activations)),
                             layout="constrained", squeeze=False)
    styles = ["-", "--", ":", "-."]
    for row, act in zip(axes, activations):
        for j, (ax, depth) in enumerate(zip(row[:n], depths)):
            model, history, diverged = fit_mlp(X, y, act, depth=depth, width=width,
                                               learning_rate=learning_rate, epochs=epochs,
                                               seed=seed)
            loss = history.history.get("loss", [])
            if diverged:
                ax.set_title(f"{act}, {depth} hidden: diverged", fontsize=10.5)
            else:
                decision_boundary(model, X, y, ax=ax, resolution=resolution)
                ax.set_title(f"{act}, {depth} hidden\naccuracy "
                             f"{model.evaluate(X, y)[1]:.2f}", fontsize=10.5)
            ax.set_xlabel("")
            ax.set_ylabel("")
            ax.set_xticks([])
            ax.set_yticks([])
            if ax.get_legend():
                ax.get_legend().remove()
            if loss:
                row[n].plot(np.arange(1, len(loss) + 1), loss, ls=styles[j % len(styles)],
                            color=activation_colour(act), label=f"{depth} hidden")
        _log_loss_axis(row[n])
        row[n].set_title(f"{act}: training loss", fontsize=10.5)
        row[n].legend(frameon=False, fontsize=8.5)
    axes[-1, n].set_xlabel("epoch")
    return fig
