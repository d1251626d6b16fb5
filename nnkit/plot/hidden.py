"""Figures for chapter 02 (XOR and hidden layers): a network with named hidden neurons,
the data in input space and in the hidden layer's space, and success rates over many
seeds. The universal approximation figures are in ``approximation.py``."""
import matplotlib.pyplot as plt
import numpy as np

from .boundary import decision_boundary, decision_line, points
from .network import network
from .style import BLUE, DIVERGING, GREY, ORANGE, get_ax

__all__ = ["named_network", "hidden_space", "seed_outcomes", "seed_loss_curves",
           "decision_boundaries"]

_RANGES = {"sign": (-1, 1), "tanh": (-1, 1), "sigmoid": (0, 1), "step": (0, 1)}


def named_network(model, neuron_names=None, input_names=None, output_names=None,
                  annotate=True, ax=None, title=None):
    """``network`` with each weight's value on its line and a name written under each
    neuron after the inputs (e.g. "OR", "NAND" for the hidden layer, "AND" for the
    output). ``neuron_names`` holds one list of names per layer after the input (a flat
    list names the first hidden layer only). Returns ax."""
    ax = network(model, ax=ax, input_names=input_names, output_names=output_names,
                 annotate=annotate, title=title)
    if neuron_names:
        if isinstance(neuron_names[0], str):
            neuron_names = [neuron_names]
        for col, names in enumerate(neuron_names, start=1):
            n = len(names)
            for y, name in zip((np.arange(n) - (n - 1) / 2)[::-1], names):
                ax.text(col, y - 0.3, name, ha="center", va="top", fontsize=9,
                        fontweight="bold", zorder=5)
    return ax


def _forward_from(model, k, A):
    """The output of ``model.layers[k:]`` for activations A of layer k - 1."""
    for layer in model.layers[k:]:
        A = layer.forward(A, training=False)
    return A


def _limits(activation, values):
    lo, hi = _RANGES.get(activation, (values.min(), values.max()))
    pad = 0.4 * (hi - lo) if hi > lo else 1.0
    return lo - pad, hi + pad


def _label_points(ax, P, names, y=None):
    """Write each point's name next to it, away from the middle of the panel; points that
    land (almost) on the same spot share one label ("(0, 1) & (1, 0)": the layer merged
    them). "Almost" is within 3% of the spread of the points. With labels ``y``, a merged
    spot that holds both classes gets an orange ring around its (blue) point, so that
    the hidden class-0 point stays visible. Returns the groups of merged indices."""
    tol = 0.03 * max(float(np.ptp(P)), 1e-9)
    groups = {}
    for i, p in enumerate(P):
        key = next((k for k in groups if np.hypot(*(p - k)) <= tol), tuple(p))
        groups.setdefault(key, []).append(i)
    mid = P.mean(axis=0)
    for (px, py), group in groups.items():
        # centred above the points in the upper half, below those in the lower half:
        # labels of points side by side then do not run into each other
        below = py < mid[1]
        ax.annotate(" & ".join(names[i] for i in group), (px, py),
                    xytext=(0, -10 if below else 10), textcoords="offset points",
                    ha="center", va="top" if below else "bottom", fontsize=9,
                    color="0.15", zorder=6,
                    bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.75))
        if y is not None and len({int(y[i] > 0.5) for i in group}) == 2:
            ax.scatter([px], [py], s=260, facecolors="none", edgecolors=ORANGE,
                       linewidths=3, zorder=2.5)
    return list(groups.values())


def hidden_space(model, X, y, hidden_names=None, point_names=None):
    """Two panels. Left: the input plane shaded by the network's output, the points
    (X, y), and the line where each hidden neuron switches (z = 0). Right: the same points
    at their hidden activations (h1, h2), shaded by what the output layer computes there,
    with its decision line. ``model`` is a Sequential whose first layer has 2 inputs and
    2 neurons. Points that the hidden layer maps to the same spot share one label.
    Returns the figure."""
    layers = getattr(model, "layers", None)
    if not layers or not hasattr(layers[0], "W") or layers[0].W.shape != (2, 2):
        shape = getattr(getattr(layers[0], "W", None), "shape", None) if layers else None
        raise ValueError("hidden_space draws 2 inputs and a first layer of 2 neurons. "
                         f"Received: a first-layer weight matrix of shape {shape}.")
    X, y = np.asarray(X, dtype=float), np.asarray(y).ravel()
    hidden_names = list(hidden_names or ["$h_1$", "$h_2$"])
    point_names = point_names or [f"({a:g}, {b:g})" for a, b in X]
    H = model.layer_outputs(X)[0]
    # 7.2 inches: about the width of the book's page, so the text is not shrunk.
    fig, (ax_in, ax_h) = plt.subplots(1, 2, figsize=(7.2, 3.9), layout="constrained")

    decision_boundary(model, X, ax=ax_in, margin=0.5, resolution=200, contour=False)
    points(X, y, ax=ax_in, size=80)
    W, b = layers[0].W, layers[0].b
    lo, hi = X.min() - 0.5, X.max() + 0.5
    for j, style in enumerate(["--", ":"]):
        decision_line((b[j], W[0, j], W[1, j]), ax_in, xlim=(lo, hi), ls=style, lw=2,
                      color="0.25", label=f"{hidden_names[j]} switches")
    ax_in.set_xlim(lo, hi)
    ax_in.set_ylim(lo, hi)
    ax_in.set_aspect("equal")
    ax_in.set_title("input space", fontsize=11)
    _label_points(ax_in, X, point_names)
    # Below the panels, not on them: the shading and the points fill the whole square.
    fig.legend(*ax_in.get_legend_handles_labels(), loc="outside lower center", ncols=4,
               fontsize=9, frameon=False, handlelength=1.8, columnspacing=1.2)

    hlo, hhi = _limits(layers[0].activation.name, H)
    corners = np.array([[hlo, hlo], [hhi, hhi]])
    decision_boundary(lambda G: _forward_from(model, 1, G), corners, ax=ax_h, margin=0,
                      resolution=200)
    points(H, y, ax=ax_h, size=80)
    _label_points(ax_h, H, point_names, y)
    ax_h.set_xlim(hlo, hhi)
    ax_h.set_ylim(hlo, hhi)
    ax_h.set_aspect("equal")
    ax_h.set_xlabel(f"hidden neuron 1: {hidden_names[0]}")
    ax_h.set_ylabel(f"hidden neuron 2: {hidden_names[1]}")
    ax_h.set_title("hidden space", fontsize=11)
    return fig


def seed_outcomes(results_by_value, xlabel="hidden neurons", stuck_level=None):
    """Two panels for ``nk.experiments.sweep`` results ``{value: SeedResults}``. Left:
    the fraction of seeds that succeeded for each value, with the binomial standard error
    and the count. Right: every run's final loss (log scale), blue for the runs that
    succeeded and orange for the rest; ``stuck_level`` draws a reference line (e.g.
    ln(2)/2, the loss of a network stuck at 0.5 on two of XOR's points). Returns the
    figure."""
    if not results_by_value:
        raise ValueError("results_by_value is empty; expected {value: SeedResults}.")
    values = list(results_by_value)
    fig, (ax_r, ax_l) = plt.subplots(1, 2, figsize=(7.2, 3.3), layout="constrained")
    rates = [results_by_value[v].success_rate for v in values]
    errors = [results_by_value[v].standard_error for v in values]
    pos = np.arange(len(values))
    ax_r.bar(pos, rates, yerr=errors, color=BLUE, alpha=0.85, capsize=4, width=0.6)
    for x, v, r in zip(pos, values, rates):
        res = results_by_value[v]
        ax_r.text(x, min(r, 1) / 2, f"{res.successes}/{len(res)}", ha="center",
                  va="center", color="white", fontsize=9, fontweight="bold")
    ax_r.set_xticks(pos, [str(v) for v in values])
    ax_r.set_ylim(0, 1.08)
    ax_r.set_xlabel(xlabel)
    ax_r.set_ylabel("fraction of seeds that succeeded")
    ax_r.set_title("success rate (± one standard error)", fontsize=10)
    rng = np.random.default_rng(0)  # horizontal jitter only, so points do not overlap
    for x, v in zip(pos, values):
        res = results_by_value[v]
        losses = np.maximum(res.losses, 1e-6)
        ok = np.array([bool(r.success) for r in res])
        jitter = x + rng.uniform(-0.18, 0.18, len(res))
        ax_l.scatter(jitter[ok], losses[ok], s=14, color=BLUE, alpha=0.7,
                     label="succeeded" if x == 0 else None)
        ax_l.scatter(jitter[~ok], losses[~ok], s=14, color=ORANGE, alpha=0.9,
                     label="stuck" if x == 0 else None)
    if stuck_level is not None:
        ax_l.axhline(stuck_level, color=GREY, ls="--", lw=1)
        ax_l.text(pos[-1] + 0.45, stuck_level * 0.92, f"{stuck_level:.3f}", va="top",
                  ha="right", fontsize=9, color="0.35")
    ax_l.set_yscale("log")
    ax_l.set_xticks(pos, [str(v) for v in values])
    ax_l.set_xlim(-0.5, len(values) - 0.5)
    ax_l.set_xlabel(xlabel)
    ax_l.set_ylabel("final training loss")
    ax_l.set_title("final loss of every seed", fontsize=10)
    ax_l.legend(fontsize=8, loc="center right", framealpha=0.9)
    return fig


def seed_loss_curves(results, ax=None, max_runs=20, title=None):
    """The training loss of the first ``max_runs`` runs in a ``SeedResults`` against
    epoch (log scale): blue for runs that succeeded, orange for the others. Returns ax."""
    ax = get_ax(ax, figsize=(5.5, 3.4))
    for r in list(results)[:max_runs]:
        loss = np.asarray(r.history.get("loss", []), dtype=float)
        colour = BLUE if r.success else ORANGE
        ax.plot(np.arange(1, len(loss) + 1), loss, color=colour, lw=1.2, alpha=0.75)
    ax.plot([], [], color=BLUE, label="succeeded")
    ax.plot([], [], color=ORANGE, label="stuck")
    ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel("training loss")
    ax.legend(frameon=False, fontsize=8)
    if title:
        ax.set_title(title, fontsize=10)
    return ax


def decision_boundaries(models, X, y, titles=None):
    """Small multiples of ``decision_boundary``, one panel per model. Returns the figure."""
    models = list(models)
    fig, axes = plt.subplots(1, len(models), figsize=(3.6 * len(models), 3.6),
                             layout="constrained", squeeze=False)
    for ax, model, title in zip(axes.flat, models, titles or [None] * len(models)):
        decision_boundary(model, X, y, ax=ax, title=title)
        ax.set_aspect("equal")
    return fig
