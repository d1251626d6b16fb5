"""Figures for chapter 05 (training in practice): loss against epochs and against wall
time for several batch sizes, learning rates from too small to too large, final losses
over many seeds, slices of the loss surface around a solution, where a stopping rule
declares convergence, and nnkit's loss curve beside Keras's."""
import matplotlib.pyplot as plt
import numpy as np

from ..models import DivergenceError
from .style import BLUE, GREY, ORANGE, get_ax

__all__ = ["batch_size_curves", "learning_rate_curves", "fits_by_seed",
           "final_losses_by_width", "loss_line", "loss_plane", "convergence_stop",
           "nnkit_vs_keras"]

# A run per colour: the book's blue and orange first, then matplotlib's green, purple, red.
COLOURS = [BLUE, ORANGE, "#2ca02c", "#9467bd", "#d62728", "#8c564b"]


def _losses(run):
    """The per-epoch losses of a History, a History's dict, a DivergenceError (the
    epochs before it stopped) or a plain sequence, as a float array."""
    history = getattr(run, "history", run)          # DivergenceError or History
    history = getattr(history, "history", history)  # a History inside a DivergenceError
    values = history.get("loss", []) if isinstance(history, dict) else history
    return np.asarray(values, dtype=float)


def _floor(ax, noise_floor):
    if noise_floor is not None:
        ax.axhline(noise_floor, color=GREY, lw=1, ls=":", zorder=0)
        ax.annotate("noise level", (0, noise_floor), xycoords=("axes fraction", "data"),
                    xytext=(4, 2), textcoords="offset points", ha="left", va="bottom",
                    fontsize=9, color=GREY)


def batch_size_curves(runs, noise_floor=None):
    """Two panels for the same runs: training loss against epochs (left) and against
    wall-clock seconds (right, log scale: the runs take very different times), loss on
    a log scale. ``runs`` maps a label ("batch size 32") to a
    dict with "loss" (one value per epoch) and "seconds" (the time at the end of each
    epoch). ``noise_floor`` draws a dotted line at the lowest loss one can hope for.
    Returns the figure."""
    if not runs:
        raise ValueError("runs must map at least one label to {'loss': ..., 'seconds': ...}.")
    fig, (left, right) = plt.subplots(1, 2, figsize=(8.6, 3.5), layout="constrained",
                                      sharey=True)
    for (label, run), colour in zip(runs.items(), COLOURS):
        loss, seconds = _losses(run["loss"]), np.asarray(run["seconds"], dtype=float)
        if loss.shape != seconds.shape:
            raise ValueError(f"Run {label!r} has {loss.size} losses but {seconds.size} "
                             "times; expected one time per epoch.")
        left.plot(np.arange(1, loss.size + 1), loss, color=colour, lw=1.2, label=label)
        right.plot(seconds, loss, color=colour, lw=1.2, label=label)
    for ax, xlabel in ((left, "epoch"), (right, "wall-clock time (s), log scale")):
        ax.set_yscale("log")
        ax.set_xlabel(xlabel)
        _floor(ax, noise_floor)
    right.set_xscale("log")
    left.set_ylabel("training loss (MSE)")
    left.set_title("against epochs: passes over the data")
    right.set_title("against time: what you wait for")
    left.legend(frameon=False)
    return fig


def learning_rate_curves(runs, noise_floor=None, ax=None):
    """Training loss against epochs for several learning rates, log scale. ``runs``
    maps a label to a History, a list of losses, or the ``nnkit.DivergenceError`` that a
    diverging run raised: that run is drawn up to where it stopped, ends in a cross and
    is labelled "diverged". Losses far above the starting ones leave the top of the plot
    (with an arrow). Returns ax."""
    ax = get_ax(ax, figsize=(7.5, 3.8))
    curves = {label: _losses(run) for label, run in runs.items()}
    finite = np.concatenate([c[np.isfinite(c)] for c in curves.values()] + [np.ones(0)])
    if finite.size == 0:
        raise ValueError("No finite loss in any run: nothing to draw.")
    # The top of the plot: well above where the runs that did not diverge started.
    firsts = [c[0] for c, run in zip(curves.values(), runs.values())
              if c.size and np.isfinite(c[0]) and not isinstance(run, DivergenceError)]
    top = 20 * max(firsts) if firsts else finite.max()
    bottom = 0.6 * min(finite.min(), noise_floor or np.inf)
    for (label, loss), run, colour in zip(curves.items(), runs.values(), COLOURS):
        diverged = isinstance(run, DivergenceError)
        epochs = np.arange(1, loss.size + 1)
        # Above the top the curve is not drawn (an arrow marks where it leaves the plot):
        # a line squashed against the top edge would look like a loss that stayed there.
        shown = np.where(loss > top, np.nan, np.maximum(loss, bottom))
        name = f"{label} (diverged)" if diverged else str(label)
        ax.plot(epochs, shown, color=colour, lw=1.3, label=name)
        if loss.size and (loss > top).any():
            k = int(np.argmax(loss > top))
            ax.annotate("", xy=(epochs[k], top), xytext=(epochs[k], top / 4),
                        arrowprops=dict(arrowstyle="-|>", color=colour, lw=1.5))
        if diverged:
            ax.plot([loss.size + 1], [top], marker="X", ms=10, color=colour)
            ax.annotate(f"stopped in epoch {loss.size + 1}", (loss.size + 1, top),
                        xytext=(9, 0), textcoords="offset points", ha="left",
                        va="center", fontsize=9, color=colour)
    ax.set_yscale("log")
    ax.set_ylim(bottom, 3 * top)  # room above the top for the cross of a diverged run
    ax.set_xlabel("epoch")
    ax.set_ylabel("training loss (MSE)")
    _floor(ax, noise_floor)
    ax.legend(frameon=False, title="learning rate", fontsize=9, loc="center left",
              bbox_to_anchor=(1.01, 0.5))
    return ax


def fits_by_seed(models, X, y, titles=None, ncols=5, panel_size=(1.75, 1.6)):
    """Small multiples, one per trained 1-D regression model: the data (grey) and the
    model's curve (blue). ``titles`` gives each panel's caption; ``panel_size`` is
    (width, height) in inches. Returns the figure."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[1] != 1:
        raise ValueError(f"fits_by_seed draws 1-D inputs: X of shape (n, 1). Received: "
                         f"X of shape {X.shape}.")
    models = list(models)
    nrows = int(np.ceil(len(models) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(panel_size[0] * ncols, panel_size[1] * nrows),
                             layout="constrained", sharex=True, sharey=True, squeeze=False)
    xs = np.linspace(X.min(), X.max(), 200).reshape(-1, 1)
    for i, (ax, model) in enumerate(zip(axes.flat, models)):
        ax.scatter(X.ravel(), y.ravel(), s=6, color=GREY, alpha=0.7)
        ax.plot(xs.ravel(), np.asarray(model.predict(xs)).ravel(), color=BLUE, lw=2)
        if titles is not None:
            ax.set_title(titles[i], fontsize=10)
        ax.tick_params(labelsize=9)
    for ax in axes[-1, :]:
        ax.set_xlabel("x", fontsize=10)
    for ax in axes[:, 0]:
        ax.set_ylabel("y", fontsize=10)
    for ax in axes.flat[len(models):]:
        ax.axis("off")
    return fig


def final_losses_by_width(losses, noise_floor=None, ax=None):
    """A strip plot: for each network (a key such as "3 hidden units") the final loss
    of every seed, one dot each, log scale. ``losses`` maps a label to a list of
    losses. Dots are spread sideways (deterministically) so that equal values stay
    visible. Returns ax."""
    ax = get_ax(ax, figsize=(5.5, 3.4))
    for i, (label, values) in enumerate(losses.items()):
        values = np.asarray(values, dtype=float)
        offsets = np.linspace(-0.18, 0.18, values.size) if values.size > 1 else np.zeros(1)
        ax.scatter(i + offsets, values, s=36, color=COLOURS[i % len(COLOURS)],
                   edgecolors="k", linewidths=0.5, zorder=3)
    ax.set_xticks(range(len(losses)))
    ax.set_xticklabels(list(losses))
    ax.set_xlim(-0.6, len(losses) - 0.4)
    ax.set_yscale("log")
    ax.set_ylabel("final training loss (MSE)")
    _floor(ax, noise_floor)
    return ax


def loss_line(alphas, lines, ax=None):
    """The loss along straight lines through weight space, each from one solution
    (alpha = 0) to another (alpha = 1). ``lines`` maps a label to the losses at
    ``alphas`` (from ``nnkit.landscape.loss_slice``). Each line gets its chord, the
    straight segment between its two ends (dashed): a convex loss never rises above it.
    Returns ax."""
    alphas = np.asarray(alphas, dtype=float)
    ax = get_ax(ax, figsize=(6, 3.6))
    for (label, losses), colour in zip(lines.items(), COLOURS):
        losses = np.asarray(losses, dtype=float)
        if losses.shape != alphas.shape:
            raise ValueError(f"Line {label!r} has {losses.size} losses for {alphas.size} "
                             "alphas; expected one loss per alpha.")
        ax.plot(alphas, losses, color=colour, lw=2, label=label)
        ends = np.interp([0.0, 1.0], alphas, losses)
        ax.plot([0, 1], ends, color=colour, lw=1.2, ls="--")
        ax.plot([0, 1], ends, "o", color=colour, ms=7, markeredgecolor="k")
    ax.set_yscale("log")
    ax.set_xlabel(r"$\alpha$: position on the line $w_A + \alpha\,(w_B - w_A)$")
    ax.set_ylabel("training loss (MSE)")
    ax.legend(frameon=False, fontsize=9)
    return ax


def loss_plane(alphas, betas, losses, ax=None, levels=20):
    """Contours of log10(loss) over a plane through weight space, with the plane's
    origin (the trained solution) marked by a star. ``losses`` has shape
    (len(betas), len(alphas)), as ``nnkit.landscape.loss_slice`` returns it. Returns ax."""
    alphas, betas = np.asarray(alphas, dtype=float), np.asarray(betas, dtype=float)
    losses = np.asarray(losses, dtype=float)
    if losses.shape != (betas.size, alphas.size):
        raise ValueError(f"losses must have shape (len(betas), len(alphas)) = "
                         f"({betas.size}, {alphas.size}). Received: shape {losses.shape}.")
    ax = get_ax(ax, figsize=(4.8, 4))
    filled = ax.contourf(alphas, betas, np.log10(losses), levels=levels, cmap="viridis")
    ax.contour(alphas, betas, np.log10(losses), levels=levels, colors="k", linewidths=0.3)
    ax.plot([0], [0], marker="*", ms=14, color="white", markeredgecolor="k")
    ax.figure.colorbar(filled, ax=ax, label=r"$\log_{10}$ loss")
    ax.set_xlabel(r"$\alpha$ (direction 1)")
    ax.set_ylabel(r"$\beta$ (direction 2)")
    ax.set_aspect("equal")
    return ax


def convergence_stop(losses, stopped_epoch, ax=None, noise_floor=None, rule=None):
    """A whole training run's loss (log scale) with a vertical line where a stopping
    rule would have declared it converged (``stopped_epoch``, counted from 1), and the
    loss there and at the end written beside it. ``rule`` describes the rule in the
    legend. Returns ax."""
    loss = _losses(losses)
    if not 1 <= stopped_epoch <= loss.size:
        raise ValueError(f"stopped_epoch must be between 1 and {loss.size}. "
                         f"Received: stopped_epoch={stopped_epoch!r}")
    ax = get_ax(ax, figsize=(6.5, 3.4))
    epochs = np.arange(1, loss.size + 1)
    ax.plot(epochs, loss, color=BLUE, lw=1.6, label="training loss")
    ax.axvline(stopped_epoch, color=ORANGE, lw=1.5, ls="--", label=rule or "stopping rule fires")
    ax.plot([stopped_epoch], [loss[stopped_epoch - 1]], "o", color=ORANGE, markeredgecolor="k")
    ax.annotate(f"{loss[stopped_epoch - 1]:.4f}", (stopped_epoch, loss[stopped_epoch - 1]),
                xytext=(6, 6), textcoords="offset points", fontsize=9, color=ORANGE)
    ax.annotate(f"{loss[-1]:.4f}", (epochs[-1], loss[-1]), xytext=(-4, 6),
                textcoords="offset points", ha="right", fontsize=9, color=BLUE)
    ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel("training loss (MSE)")
    _floor(ax, noise_floor)
    ax.legend(frameon=False, fontsize=9, loc="upper right")
    return ax


FLOAT32_EPS = float(np.finfo(np.float32).eps)  # 2**-23: float32's relative rounding unit


def nnkit_vs_keras(ours, theirs, labels=("nnkit", "Keras")):
    """Two panels: both loss curves on one axis (nnkit solid, Keras dashed on top), and
    their relative difference |ours - theirs| / |ours| at every epoch (log scale), with
    a dotted line at float32's rounding unit 2**-23 for scale. ``ours`` and ``theirs``
    are Histories or lists of per-epoch losses. Returns the figure."""
    a, b = _losses(ours), _losses(theirs)
    if a.shape != b.shape:
        raise ValueError(f"The two runs have {a.size} and {b.size} epochs; expected the same.")
    if a.size == 0 or not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))) or np.any(a == 0):
        raise ValueError("Both runs need finite losses, and the first nonzero ones, to "
                         f"compare. Received: {a.size} epochs, first losses {a[:3]} and {b[:3]}.")
    fig, (left, right) = plt.subplots(1, 2, figsize=(8.6, 3.3), layout="constrained")
    epochs = np.arange(1, a.size + 1)
    left.plot(epochs, a, color=BLUE, lw=3, alpha=0.6, label=labels[0])
    left.plot(epochs, b, color=ORANGE, lw=1.5, ls="--", label=labels[1])
    left.set_yscale("log")
    left.set_xlabel("epoch")
    left.set_ylabel("training loss (MSE)")
    left.set_title("the same training, in two libraries")
    left.legend(frameon=False)
    relative = np.abs(a - b) / np.abs(a)
    right.plot(epochs, np.maximum(relative, 1e-18), color=GREY, lw=1.2)
    right.axhline(FLOAT32_EPS, color="k", lw=1, ls=":", label=r"float32 rounding unit, $2^{-23}$")
    right.set_yscale("log")
    right.set_ylim(top=max(relative.max(), FLOAT32_EPS) * 8)  # room for the legend
    right.legend(frameon=False, loc="upper left", fontsize=9)
    right.set_xlabel("epoch")
    right.set_ylabel(f"|{labels[0]} - {labels[1]}| / {labels[0]}")
    right.set_title("how far apart they are (relative)")
    return fig
