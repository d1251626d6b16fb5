"""Figures for chapter 01: a signum neuron's line through the four gate inputs, and the
perceptron rule moving that line one mistake at a time."""
import matplotlib.pyplot as plt
import numpy as np

from .boundary import decision_boundary, decision_line, points
from .style import BLUE, GREY, ORANGE, get_ax

LIMITS = (-0.5, 1.5)


def neuron_decision(w, X, y, ax=None, title=None):
    """The half-planes where a signum neuron with w = (bias, w1, w2) outputs 1 (blue) and
    0 (orange), its line w0 + w1 x1 + w2 x2 = 0, and the points (X, y); misclassified
    points get a red ring. Returns ax."""
    ax = get_ax(ax, figsize=(3.2, 3.2))
    w = np.asarray(w, dtype=float)
    X, y = np.asarray(X, dtype=float), np.asarray(y).ravel()
    corners = np.array([[LIMITS[0]] * 2, [LIMITS[1]] * 2])
    decision_boundary(lambda G: (w[0] + G @ w[1:] >= 0).astype(float)[:, None], corners,
                      ax=ax, resolution=120, margin=0, contour=False)
    decision_line(w, ax, xlim=LIMITS)
    points(X, y, ax=ax, size=80)
    wrong = (w[0] + X @ w[1:] >= 0).astype(int) != y
    ax.scatter(X[wrong, 0], X[wrong, 1], s=260, facecolors="none", edgecolors="#d62728",
               linewidths=2, zorder=4)
    ax.set_xlim(LIMITS)
    ax.set_ylim(LIMITS)
    ax.set_aspect("equal")
    ax.set_title(title or f"w = ({w[0]:g}, {w[1]:g}, {w[2]:g}): {int(wrong.sum())} wrong",
                 fontsize=10)
    return ax


def perceptron_progress(perceptron, X, y, max_panels=8, ncols=4):
    """Small multiples: the neuron's line before learning and after each update the
    perceptron rule made (each mistake), from ``perceptron.steps_``. Returns the figure."""
    updates = [s for s in perceptron.steps_ if s["output"] != s["target"]]
    ws = [perceptron.steps_[0]["w_before"]] + [s["w_after"] for s in updates]
    captions = ["start"] + [f"epoch {s['epoch']}, after x = ({s['x'][0]:g}, {s['x'][1]:g})"
                            for s in updates]
    if len(ws) > max_panels:  # keep the first ones and the last
        ws, captions = ws[:max_panels - 1] + ws[-1:], captions[:max_panels - 1] + captions[-1:]
    nrows = int(np.ceil(len(ws) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(2.6 * ncols, 2.8 * nrows),
                             layout="constrained", squeeze=False)
    for ax, w, caption in zip(axes.flat, ws, captions):
        neuron_decision(w, X, y, ax=ax, title=f"{caption}\nw = ({w[0]:g}, {w[1]:g}, {w[2]:g})")
        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.get_legend() and ax.get_legend().remove()
    for ax in axes.flat[len(ws):]:
        ax.axis("off")
    return fig


def mistakes_per_epoch(perceptrons, labels, ax=None):
    """How many mistakes each fitted perceptron made in each epoch: the separable gates
    reach 0 and stop; XOR never does. Returns ax."""
    ax = get_ax(ax, figsize=(5.5, 3))
    colours = [BLUE, ORANGE, "#2ca02c", "#9467bd", GREY]
    for p, label, colour in zip(perceptrons, labels, colours):
        epochs = np.arange(1, len(p.errors_) + 1)
        ax.plot(epochs, p.errors_, marker="o", ms=3, label=label, color=colour)
    ax.set_xlabel("epoch")
    ax.set_ylabel("mistakes in the epoch")
    ax.set_yticks(range(0, 5))
    ax.set_ylim(-0.3, 4.6)
    ax.legend(frameon=False, ncol=len(labels), loc="upper center", bbox_to_anchor=(0.5, 1.18))
    return ax


def neuron_diagram(w, input_names=("$x_1$", "$x_2$"), activation="sign", ax=None):
    """One neuron drawn as the lecture draws it: inputs and the dummy input 1, each
    weight on its arrow, the weighted sum and the activation. Returns ax."""
    ax = get_ax(ax, figsize=(5.5, 3))
    w = np.asarray(w, dtype=float)
    labels = ["1"] + list(input_names)
    ys = np.linspace(1, -1, len(labels))
    for label, yy, wi in zip(labels, ys, w):
        ax.annotate("", xy=(2.45, 0), xytext=(0.25, yy),
                    arrowprops=dict(arrowstyle="-|>", color=BLUE if wi >= 0 else ORANGE,
                                    lw=1 + 2.5 * abs(wi) / (np.abs(w).max() or 1)))
        ax.scatter([0], [yy], s=700, c="white", edgecolors="k", zorder=3)
        ax.text(0, yy, label, ha="center", va="center", fontsize=12, zorder=4)
        ax.text(1.2, yy * 0.55 + 0.12, f"$w_{labels.index(label)}={wi:g}$", fontsize=11,
                ha="center", bbox=dict(fc="white", ec="none", pad=1))
    ax.scatter([2.75], [0], s=1500, c="#f2f2f2", edgecolors="k", zorder=3)
    ax.text(2.75, 0, r"$\Sigma$", ha="center", va="center", fontsize=16, zorder=4)
    ax.text(2.75, -0.55, r"$z=\sum_i w_i x_i$", ha="center", va="top", fontsize=10)
    ax.annotate("", xy=(4.1, 0), xytext=(3.2, 0), arrowprops=dict(arrowstyle="-|>", lw=1.5))
    ax.text(3.65, 0.15, activation, ha="center", fontsize=10)
    ax.text(4.2, 0, r"$\hat{y}$", va="center", fontsize=14)
    ax.set_xlim(-0.5, 4.6)
    ax.set_ylim(-1.4, 1.4)
    ax.axis("off")
    return ax
