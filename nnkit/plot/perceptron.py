"""Figures for chapter 01: a signum neuron's line through the four gate inputs, and the
perceptron rule moving that line one mistake at a time."""
import matplotlib.pyplot as plt
import numpy as np

from .boundary import decision_boundary, decision_line, points
from .style import BLUE, ORANGE, get_ax

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


def neuron_decisions(settings, ncols=2):
    """Small multiples of ``neuron_decision``: ``settings`` is a list of (gate, w) pairs,
    each drawn on that gate's four inputs and titled with the gate and the weights.
    Returns the figure (about 7 inches wide, the width of the book's page)."""
    settings = list(settings)
    if not settings:
        raise ValueError("settings is empty; expected a list of (gate, w) pairs.")
    from ..data import logic_gate

    nrows = int(np.ceil(len(settings) / ncols))
    side = 7 / ncols  # inches per panel
    fig, axes = plt.subplots(nrows, ncols, figsize=(7, (side + 0.2) * nrows),
                             layout="constrained", squeeze=False)
    for ax, (gate, w) in zip(axes.flat, settings):
        w = np.asarray(w, dtype=float)
        X, y = logic_gate(gate)
        wrong = int(np.sum((w[0] + X @ w[1:] >= 0).astype(int) != np.asarray(y).ravel()))
        sep = ": " if ncols <= 2 else "\n"  # narrow panels: two lines
        neuron_decision(w, X, y, ax=ax, title=f"{gate.upper()} with w = ({w[0]:g}, "
                        f"{w[1]:g}, {w[2]:g}){sep}{wrong} wrong")
    for ax in axes.flat[len(settings):]:
        ax.axis("off")
    return fig


def perceptron_progress(perceptron, X, y, max_panels=12, ncols=4):
    """Small multiples: the neuron's line before learning and after each update the
    perceptron rule made (each mistake), from ``perceptron.steps_``. With more updates
    than ``max_panels - 1``, the first ones and the last are drawn. Returns the figure."""
    updates = [s for s in perceptron.steps_ if s["output"] != s["target"]]
    ws = [perceptron.steps_[0]["w_before"]] + [s["w_after"] for s in updates]
    captions = ["start\n"] + [
        f"update {k}: x = ({s['x'][0]:g}, {s['x'][1]:g})\nepoch {s['epoch']}, "
        for k, s in enumerate(updates, start=1)]
    if len(ws) > max_panels:  # keep the first ones and the last
        ws, captions = ws[:max_panels - 1] + ws[-1:], captions[:max_panels - 1] + captions[-1:]
    nrows = int(np.ceil(len(ws) / ncols))
    # 7 inches wide (the book's page), so the captions keep their size in the HTML book.
    fig, axes = plt.subplots(nrows, ncols, figsize=(7, 1.95 * nrows), layout="constrained",
                             squeeze=False, sharex=True, sharey=True)
    for ax, w, caption in zip(axes.flat, ws, captions):
        neuron_decision(w, X, y, ax=ax, title=f"{caption}w = ({w[0]:g}, {w[1]:g}, {w[2]:g})")
        ax.title.set_fontsize(8)
        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.set_xticks([0, 1])
        ax.set_yticks([0, 1])
        ax.tick_params(labelsize=8)
        for c in ax.collections:  # smaller points and rings for the smaller panels
            c.set_sizes(c.get_sizes() * 0.6)
    for ax in axes.flat[len(ws):]:
        ax.axis("off")
    return fig


# Lines for the gates: not orange or blue, which the book keeps for class 0 and class 1.
GATE_LINE_STYLES = [("#2ca02c", "o", "-"), ("#9467bd", "s", "--"), ("#8c564b", "^", "-."),
                    ("#d62728", "D", "-"), ("#555555", "v", ":")]


def mistakes_per_epoch(perceptrons, labels, ax=None, max_epochs=None):
    """How many mistakes each fitted perceptron made in each epoch: the separable gates
    reach 0 and stop; XOR never does. Each line is shifted sideways a little (by less
    than a tenth of an epoch) so that lines with the same values stay visible; only the
    first ``max_epochs`` epochs are drawn if given. Returns ax."""
    perceptrons, labels = list(perceptrons), list(labels)
    if len(perceptrons) != len(labels) or len(labels) > len(GATE_LINE_STYLES):
        raise ValueError(f"Expected one label per perceptron, at most "
                         f"{len(GATE_LINE_STYLES)}. Received: {len(perceptrons)} "
                         f"perceptrons and {len(labels)} labels.")
    ax = get_ax(ax, figsize=(6, 3.2))
    offsets = np.linspace(-0.09, 0.09, len(perceptrons)) if len(perceptrons) > 1 else [0.0]
    longest = 1
    for p, label, (colour, marker, ls), dx in zip(perceptrons, labels, GATE_LINE_STYLES,
                                                  offsets):
        errors = list(p.errors_)[:max_epochs]
        longest = max(longest, len(errors))
        epochs = np.arange(1, len(errors) + 1) + dx
        ax.plot(epochs, errors, marker=marker, ms=5, ls=ls, lw=1.6, label=label,
                color=colour)
    ax.set_xlabel("epoch")
    ax.set_ylabel("mistakes in the epoch")
    ax.set_xticks(range(1, longest + 1))
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
    ax.text(2.75, -0.55, r"$z=\sum_i w_i x_i$" + "\n" + r"($x_0 = 1$)", ha="center",
            va="top", fontsize=10)
    ax.annotate("", xy=(4.1, 0), xytext=(3.2, 0), arrowprops=dict(arrowstyle="-|>", lw=1.5))
    ax.text(3.65, 0.15, activation, ha="center", fontsize=10)
    ax.text(4.2, 0, r"$\hat{y}$", va="center", fontsize=14)
    ax.set_xlim(-0.5, 4.6)
    ax.set_ylim(-1.4, 1.4)
    ax.axis("off")
    return ax
