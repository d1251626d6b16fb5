"""Line plots: loss against epochs, and activation functions with their derivatives."""
import numpy as np

from .. import activations
from .style import BLUE, ORANGE, get_ax


def loss_curves(history, ax=None, keys=None, log=False, title=None):
    """Plot the per-epoch values in a History (or its ``.history`` dict) against epoch:
    by default "loss" (blue) and, when present, "val_loss" (orange). Returns ax."""
    logs = getattr(history, "history", history)
    keys = keys or [k for k in ("loss", "val_loss") if k in logs]
    ax = get_ax(ax, figsize=(5, 3.2))
    colours = {"loss": BLUE, "val_loss": ORANGE}
    for key in keys:
        values = logs[key]
        ax.plot(np.arange(1, len(values) + 1), values, label=key.replace("_", " "),
                color=colours.get(key))
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss")
    if log:
        ax.set_yscale("log")
    if len(keys) > 1:
        ax.legend(frameon=False)
    if title:
        ax.set_title(title)
    return ax


def activation_curve(name, ax=None, derivative=True, z=None):
    """One activation f(z) (blue) and, by default, f'(z) (orange, dashed). For softmax,
    the first output of softmax([z, 0]) and its derivative da_1/dz. Returns ax."""
    f = activations.get(name)
    z = np.linspace(-5, 5, 401) if z is None else np.asarray(z, dtype=float)
    ax = get_ax(ax, figsize=(3.2, 2.6))
    if f.name == "softmax":
        zz = np.column_stack([z, np.zeros_like(z)])
        a, da = f(zz)[:, 0], f.derivative(zz)[:, 0, 0]
    else:
        a, da = f(z), f.derivative(z)
    ax.plot(z, a, color=BLUE, lw=2, label=f"{f.name}(z)")
    if derivative:
        ax.plot(z, da, color=ORANGE, lw=1.5, ls="--", label="derivative")
    ax.axhline(0, color="0.8", lw=0.8, zorder=0)
    ax.axvline(0, color="0.8", lw=0.8, zorder=0)
    ax.set_title(f.name)
    ax.set_xlabel("z")
    return ax


def activation_curves(names=None, derivative=True, ncols=4):
    """Small multiples of ``activation_curve``, one panel each; returns the figure."""
    import matplotlib.pyplot as plt

    names = names or activations.names()
    nrows = int(np.ceil(len(names) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(3 * ncols, 2.5 * nrows),
                             layout="constrained", squeeze=False)
    for ax, name in zip(axes.flat, names):
        activation_curve(name, ax=ax, derivative=derivative)
    for ax in axes.flat[len(names):]:
        ax.axis("off")
    axes.flat[0].legend(frameon=False, loc="upper left", fontsize=8)
    return fig
