"""Network diagrams: neurons as circles, weights as lines whose width is |w| and whose
colour is its sign (blue positive, orange negative). Each layer's bias is drawn as an
extra neuron labelled 1, the dummy input that always outputs 1."""
import numpy as np

from .style import BLUE, ORANGE, get_ax


def _weights_of(model):
    """A list of (W (in, out), b (out,)) pairs from a Sequential, a Perceptron or a list."""
    if hasattr(model, "layers"):
        return [(layer.W, layer.b) for layer in model.layers if hasattr(layer, "W")]
    if hasattr(model, "w") and model.w is not None:  # a Perceptron: bias first
        return [(np.asarray(model.w[1:]).reshape(-1, 1), np.asarray(model.w[:1]))]
    return [(np.asarray(W, dtype=float), np.asarray(b, dtype=float)) for W, b in model]


def network(model, ax=None, input_names=None, output_names=None, show_bias=True,
            annotate=False, title=None):
    """Draw ``model`` (a Sequential, a Perceptron, or a list of (W, b) pairs).

    ``annotate=True`` writes each weight's value on its line (for small networks).
    Returns ax.
    """
    layers = _weights_of(model)
    sizes = [layers[0][0].shape[0]] + [W.shape[1] for W, _ in layers]
    ax = get_ax(ax, figsize=(1.6 * len(sizes) + 1, 0.8 * max(sizes) + 1.5))
    wmax = max(float(np.abs(np.concatenate([W.ravel(), b.ravel()])).max()) for W, b in layers) or 1.0

    def ys(n):  # neurons of a layer, centred vertically
        return (np.arange(n) - (n - 1) / 2)[::-1]

    top = max(sizes) / 2 + 0.6
    pos = [[(col, y) for y in ys(n)] for col, n in enumerate(sizes)]
    for col, (W, b) in enumerate(layers):
        sources = list(pos[col]) + ([(col, top)] if show_bias else [])
        weights = np.vstack([W, b[None, :]]) if show_bias else W
        for i, (x0, y0) in enumerate(sources):
            for j, (x1, y1) in enumerate(pos[col + 1]):
                w = weights[i, j]
                ax.plot([x0, x1], [y0, y1], color=BLUE if w >= 0 else ORANGE,
                        lw=0.5 + 4 * abs(w) / wmax, alpha=0.85, zorder=1)
                if annotate:
                    t = 0.3 if i % 2 else 0.22
                    ax.text(x0 + t * (x1 - x0), y0 + t * (y1 - y0), f"{w:.2g}", fontsize=8,
                            ha="center", va="center", zorder=4,
                            bbox=dict(boxstyle="round,pad=0.1", fc="white", ec="none"))
        if show_bias:
            ax.scatter([col], [top], s=500, c="white", edgecolors="0.4", zorder=2)
            ax.text(col, top, "1", ha="center", va="center", fontsize=10, zorder=3)
    for col, layer in enumerate(pos):
        xs_, ys_ = zip(*layer)
        ax.scatter(xs_, ys_, s=500, c="#f2f2f2", edgecolors="k", zorder=2)
    names = [input_names, output_names]
    for col, labels in ((0, names[0]), (len(sizes) - 1, names[1])):
        for (x, y), text in zip(pos[col], labels or []):
            ax.text(x, y, text, ha="center", va="center", fontsize=10, zorder=3)
    ax.set_xlim(-0.6, len(sizes) - 0.4)
    ax.set_ylim(-max(sizes) / 2 - 0.2, top + 0.6)
    ax.set_xticks(range(len(sizes)))
    ax.set_xticklabels(["input"] + [f"hidden {k}" for k in range(1, len(sizes) - 1)] + ["output"])
    ax.tick_params(length=0)
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)
    if title:
        ax.set_title(title)
    return ax
