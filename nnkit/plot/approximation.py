"""Figures for chapter 02's universal approximation section: one hidden layer fitting a
1-D function. Small multiples of the fits, the error against the width, each hidden
neuron's share of a fit, and an animation of a fit improving over epochs."""
import matplotlib.pyplot as plt
import numpy as np

from ..data import REGRESSION_TARGETS
from ..experiments import curve_error
from .style import BLUE, GREY, get_ax

__all__ = ["approximations", "error_vs_width", "hidden_contributions", "fit_animation"]

# Colours for lines that are neither a class nor the network's output: the book keeps
# orange and blue for class 0 / class 1 (and blue for the network's curve).
LINE_COLOURS = ["#2ca02c", "#9467bd", "#8c564b", "#d62728", "#e377c2", "#17becf",
                "#bcbd22", "#7f7f7f"]


def _target(target):
    f = REGRESSION_TARGETS.get(target) if isinstance(target, str) else target
    if not callable(f):
        raise ValueError(f"Unknown target {target!r}; expected one of "
                         f"{list(REGRESSION_TARGETS)} or a function of x.")
    return f


def _dense_grid(lo=-1.0, hi=1.0, n=1001):
    return np.linspace(lo, hi, n).reshape(-1, 1)


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
    # About 7 inches wide, the width of the book's page, so the text is not shrunk.
    fig, axes = plt.subplots(len(targets), len(widths),
                             figsize=(min(7.0, 1.45 * len(widths)), 1.55 * len(targets)),
                             layout="constrained", sharex=True, sharey="row", squeeze=False)
    x = _dense_grid(n=400)
    for i, t in enumerate(targets):
        for j, w in enumerate(widths):
            ax = axes[i, j]
            ax.plot(x, _target(t)(x), color=GREY, lw=2.5, alpha=0.6, label="target")
            ax.plot(x, fits[t, w].predict(x), color=BLUE, lw=1.6, label="network")
            error = curve_error(fits[t, w], _target(t))
            ax.set_title(f"{w} neuron{'s' if w > 1 else ''}\nRMSE {error:.3f}", fontsize=8)
            ax.tick_params(labelsize=7)
            ax.set_xticks([-1, 0, 1])
            if j == 0:
                ax.set_ylabel(t if isinstance(t, str) else "target", fontsize=9)
    axes[0, 0].legend(fontsize=7, frameon=False, loc="lower right", handlelength=1.2)
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
                color=LINE_COLOURS[k % len(LINE_COLOURS)], label=str(t), lw=1.5)
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    all_widths = sorted({w for _, w in errors})
    ax.set_xticks(all_widths, [str(w) for w in all_widths])
    ax.set_xlabel("hidden neurons")
    ax.set_ylabel("RMSE on [-1, 1]")
    ax.legend(frameon=False, fontsize=9)
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
    for j in range(terms.shape[1]):
        ax.plot(x, terms[:, j], lw=1, alpha=0.85, color=LINE_COLOURS[j % len(LINE_COLOURS)],
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
                  figsize=(9.4, 3.6), dpi=72):
    """Train ``model`` (compiled) on a 1-D regression (X, y) for ``epochs`` and return a
    matplotlib animation of its curve at ``frames`` epochs spaced evenly on a log scale,
    next to the loss so far. Show it with ``nk.plot.animation_html(anim, alt)``, which
    saves frames at 72 dpi: the default size is then about the book page's width, with
    text at its natural size. The figure is closed so that the notebook does not also
    show its last frame."""
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

    with plt.rc_context({"font.size": 11, "xtick.labelsize": 10, "ytick.labelsize": 10}):
        fig, (ax_f, ax_l) = plt.subplots(1, 2, figsize=figsize, dpi=dpi,
                                         layout="constrained",
                                         gridspec_kw={"width_ratios": [1.4, 1]})
        if target is not None:
            ax_f.plot(x, _target(target)(x), color=GREY, lw=3, alpha=0.5, label="target")
        step = max(1, len(X) // 40)  # at most about 40 dots, so the target stays visible
        ax_f.scatter(X.ravel()[::step], y.ravel()[::step], s=10, color="0.3", alpha=0.6,
                     label="training data", zorder=2)
        (curve,) = ax_f.plot(x, shots[0][1], color=BLUE, lw=2, label="network")
        span = y.max() - y.min() + 1e-9
        ax_f.set_ylim(y.min() - 0.2 * span, y.max() + 0.45 * span)  # room for the legend
        ax_f.legend(frameon=False, fontsize=10, loc="upper center", ncols=3,
                    handlelength=1.5, columnspacing=1.2)
        ax_f.set_xlabel("x")
        ax_f.set_xticks(np.linspace(float(X.min()), float(X.max()), 5))
        title = ax_f.set_title("", fontsize=12)
        ax_l.plot(np.arange(1, len(loss) + 1), loss, color="0.75", lw=1)
        (done,) = ax_l.plot([], [], color=BLUE, lw=1.5)
        (dot,) = ax_l.plot([], [], "o", color=BLUE, ms=6)
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
