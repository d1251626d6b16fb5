"""Figures for chapter 02 (XOR and hidden layers): a network with named hidden neurons,
the data in input space and in the hidden layer's space, success rates over many seeds,
and one hidden layer approximating 1-D functions (small multiples, error against width,
each neuron's share of the fit, and an animation of a fit improving over epochs)."""
import matplotlib.pyplot as plt
import numpy as np

from ..data import REGRESSION_TARGETS
from ..experiments import curve_error
from .boundary import decision_boundary, decision_line, points
from .network import network
from .style import BLUE, DIVERGING, GREY, ORANGE, get_ax

__all__ = ["named_network", "hidden_space", "seed_outcomes", "seed_loss_curves",
           "decision_boundaries", "approximations", "error_vs_width",
           "hidden_contributions", "fit_animation"]

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


def _label_points(ax, P, names):
    """Write each point's name beside it, towards the middle of the panel; points that
    land (almost) on the same spot share one label ("(0, 1) & (1, 0)": the layer merged
    them). "Almost" is within 3% of the spread of the points."""
    tol = 0.03 * max(float(np.ptp(P)), 1e-9)
    groups = {}
    for p, name in zip(P, names):
        key = next((k for k in groups if np.hypot(*(p - k)) <= tol), tuple(p))
        groups.setdefault(key, []).append(name)
    mid = P.mean(axis=0)
    for (px, py), group in groups.items():
        right = px <= mid[0]
        ax.annotate(" & ".join(group), (px, py), xytext=(8 if right else -8, 8),
                    textcoords="offset points", ha="left" if right else "right",
                    fontsize=8, color="0.15", zorder=6,
                    bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.7))


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
    fig, (ax_in, ax_h) = plt.subplots(1, 2, figsize=(8.4, 4), layout="constrained")

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
    ax_in.legend(fontsize=8, loc="lower left", framealpha=0.9)
    ax_in.set_title("input space: no single line separates the classes", fontsize=10)
    _label_points(ax_in, X, point_names)

    hlo, hhi = _limits(layers[0].activation.name, H)
    corners = np.array([[hlo, hlo], [hhi, hhi]])
    decision_boundary(lambda G: _forward_from(model, 1, G), corners, ax=ax_h, margin=0,
                      resolution=200)
    points(H, y, ax=ax_h, size=80)
    _label_points(ax_h, H, point_names)
    ax_h.set_xlim(hlo, hhi)
    ax_h.set_ylim(hlo, hhi)
    ax_h.set_aspect("equal")
    ax_h.set_xlabel(f"hidden neuron 1: {hidden_names[0]}")
    ax_h.set_ylabel(f"hidden neuron 2: {hidden_names[1]}")
    ax_h.set_title("hidden space: the output neuron draws one line", fontsize=10)
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
    fig, (ax_r, ax_l) = plt.subplots(1, 2, figsize=(9, 3.4), layout="constrained")
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
        ax_l.text(pos[-1] + 0.45, stuck_level, f"{stuck_level:.3f}", va="bottom", ha="right",
                  fontsize=8, color=GREY)
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


# -- one hidden layer approximating a 1-D function -----------------------------------
def _target(target):
    f = REGRESSION_TARGETS.get(target) if isinstance(target, str) else target
    if not callable(f):
        raise ValueError(f"Unknown target {target!r}; expected one of "
                         f"{list(REGRESSION_TARGETS)} or a function of x.")
    return f


def _dense_grid(lo=-1.0, hi=1.0, n=1001):
    return np.linspace(lo, hi, n).reshape(-1, 1)


def _fit_panel(ax, model, target, x):
    ax.plot(x, _target(target)(x), color=GREY, lw=2.5, alpha=0.6, label="target")
    ax.plot(x, model.predict(x), color=BLUE, lw=1.6, label="network")


def approximations(fits, targets=None, widths=None):
    """Small multiples: one row per target, one column per width, each panel the target
    (grey) and the fitted network's curve (blue) with its RMSE. ``fits`` is a dict
    ``{(target, width): model}``. Returns the figure."""
    targets = targets or list(dict.fromkeys(t for t, _ in fits))
    widths = widths or list(dict.fromkeys(w for _, w in fits))
    missing = [(t, w) for t in targets for w in widths if (t, w) not in fits]
    if missing:
        raise ValueError(f"fits has no model for {missing[:3]}; expected a dict "
                         "{(target, width): model} covering every target and width.")
    fig, axes = plt.subplots(len(targets), len(widths), figsize=(1.6 * len(widths),
                             1.6 * len(targets)), layout="constrained", sharex=True,
                             sharey="row", squeeze=False)
    x = _dense_grid(n=400)
    for i, t in enumerate(targets):
        for j, w in enumerate(widths):
            ax = axes[i, j]
            _fit_panel(ax, fits[t, w], t, x)
            error = curve_error(fits[t, w], _target(t))
            ax.set_title(f"{w} neuron{'s' if w > 1 else ''}\nRMSE {error:.3f}", fontsize=8)
            ax.tick_params(labelsize=7)
            ax.set_xticks([-1, 0, 1])
            if j == 0:
                ax.set_ylabel(t if isinstance(t, str) else "target", fontsize=10)
    axes[0, 0].legend(fontsize=7, frameon=False, loc="lower right")
    return fig


def error_vs_width(errors, ax=None):
    """RMSE against the number of hidden neurons, log-log, one line per target, from a
    dict ``{(target, width): rmse}``. Returns ax."""
    ax = get_ax(ax, figsize=(5, 3.4))
    targets = list(dict.fromkeys(t for t, _ in errors))
    markers = ["o", "s", "^", "D", "v"]
    for k, t in enumerate(targets):
        widths = sorted(w for s, w in errors if s == t)
        ax.plot(widths, [errors[t, w] for w in widths], marker=markers[k % len(markers)],
                label=str(t), lw=1.5)
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    all_widths = sorted({w for _, w in errors})
    ax.set_xticks(all_widths, [str(w) for w in all_widths])
    ax.set_xlabel("hidden neurons")
    ax.set_ylabel("RMSE on [-1, 1]")
    ax.legend(frameon=False, fontsize=8)
    return ax


def hidden_contributions(model, target=None, ax=None, title=None):
    """How one hidden layer builds a 1-D curve: each hidden neuron's term
    ``W2[j] * a_j(x)`` (thin lines, one colour each), and their sum plus the output
    bias, which is the network's output (thick blue). ``target`` (a name or a function)
    is drawn in grey. ``model``: Sequential of a hidden Dense layer and a linear Dense(1)
    output. Returns ax."""
    layers = getattr(model, "layers", [])
    if len(layers) != 2 or getattr(layers[1], "units", None) != 1 \
            or layers[1].activation.name != "linear":
        raise ValueError("hidden_contributions draws one hidden layer and a linear output "
                         f"of one neuron. Received: {model!r}.")
    ax = get_ax(ax, figsize=(5.5, 3.4))
    x = _dense_grid(n=400)
    A = model.layer_outputs(x)[0]
    W2, b2 = layers[1].W, layers[1].b
    terms = A * W2[:, 0]
    if target is not None:
        ax.plot(x, _target(target)(x), color=GREY, lw=3, alpha=0.5, label="target")
    cmap = plt.get_cmap("tab10")
    for j in range(terms.shape[1]):
        ax.plot(x, terms[:, j], lw=1, alpha=0.8, color=cmap(j % 10),
                label="one neuron's term each" if j == 0 else None)
    ax.plot(x, terms.sum(axis=1) + b2[0], color=BLUE, lw=2.5, label="sum + bias = output")
    ax.axhline(0, color="0.85", lw=0.8, zorder=0)
    ax.set_xlabel("$x$")
    ax.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.16),
              ncols=3)
    if title:
        ax.set_title(title, fontsize=10)
    return ax


def fit_animation(model, X, y, epochs=1000, frames=30, target=None, batch_size=None,
                  figsize=(7.5, 3), dpi=80):
    """Train ``model`` (compiled) on a 1-D regression (X, y) for ``epochs`` and return a
    matplotlib animation of its curve at ``frames`` epochs spaced evenly on a log scale,
    next to the loss so far. Show it with ``nk.plot.animation_html(anim, alt)``; the
    figure is closed so that the notebook does not also show its last frame."""
    from matplotlib.animation import FuncAnimation
    from matplotlib.ticker import FuncFormatter

    from ..callbacks import LambdaCallback

    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[1] != 1:
        raise ValueError(f"fit_animation draws one input: X of shape (n, 1). "
                         f"Received: X of shape {X.shape}.")
    if not (isinstance(frames, (int, np.integer)) and 2 <= frames <= epochs):
        raise ValueError(f"frames must be an integer from 2 to epochs={epochs}. "
                         f"Received: frames={frames!r}")
    x = _dense_grid(float(X.min()), float(X.max()), 300)
    keep = set(np.unique(np.geomspace(1, epochs, frames).round().astype(int)) - 1)
    shots = []
    record = LambdaCallback(on_epoch_end=lambda epoch, logs: shots.append(
        (epoch + 1, model.predict(x).ravel())) if epoch in keep else None)
    history = model.fit(X, y, epochs=epochs, batch_size=batch_size or len(X),
                        callbacks=[record])
    loss = np.asarray(history.history["loss"])

    fig, (ax_f, ax_l) = plt.subplots(1, 2, figsize=figsize, dpi=dpi, layout="constrained",
                                     gridspec_kw={"width_ratios": [1.4, 1]})
    if target is not None:
        ax_f.plot(x, _target(target)(x), color=GREY, lw=3, alpha=0.5, label="target")
    step = max(1, len(X) // 40)  # at most about 40 dots, so the target stays visible
    ax_f.scatter(X.ravel()[::step], y.ravel()[::step], s=8, color="0.3", alpha=0.6,
                 label="training data", zorder=2)
    (curve,) = ax_f.plot(x, shots[0][1], color=BLUE, lw=2, label="network")
    span = y.max() - y.min() + 1e-9
    ax_f.set_ylim(y.min() - 0.2 * span, y.max() + 0.4 * span)  # room for the legend
    ax_f.legend(frameon=False, fontsize=7, loc="upper center", ncols=3)
    ax_f.set_xlabel("x")
    title = ax_f.set_title("", fontsize=10)
    ax_l.plot(np.arange(1, len(loss) + 1), loss, color="0.75", lw=1)
    (done,) = ax_l.plot([], [], color=BLUE, lw=1.5)
    (dot,) = ax_l.plot([], [], "o", color=BLUE, ms=5)
    ax_l.set_xscale("log")
    ax_l.set_yscale("log")
    plain = FuncFormatter(lambda v, _: f"{v:g}")  # not mathtext: far faster to redraw
    for axis in (ax_l.xaxis, ax_l.yaxis):
        axis.set_major_formatter(plain)
    ax_l.minorticks_off()
    ax_l.set_xlabel("epoch")
    ax_l.set_ylabel("training loss (MSE)")

    def draw(k):
        epoch, curve_y = shots[k]
        curve.set_ydata(curve_y)
        title.set_text(f"epoch {epoch}: loss {loss[epoch - 1]:.4f}")
        done.set_data(np.arange(1, epoch + 1), loss[:epoch])
        dot.set_data([epoch], [loss[epoch - 1]])
        return curve, title, done, dot

    # Lay the figure out once, then freeze it: constrained layout and log-axis tick labels
    # would otherwise be recomputed for every frame, which is most of the rendering time.
    draw(len(shots) - 1)
    fig.canvas.draw()
    fig.set_layout_engine("none")
    anim = FuncAnimation(fig, draw, frames=len(shots), interval=250)
    plt.close(fig)
    return anim
