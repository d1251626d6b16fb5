"""Figures for chapter 04 (outputs, losses and backpropagation): a regression fit with
its residuals, the regions and probabilities of a softmax classifier, and the gradients
of squared error and cross-entropy at a classification output. The computational graph
of the backpropagation sections is in ``backprop_graph``."""
import numpy as np

from .. import activations, losses
from ..data import REGRESSION_TARGETS
from .boundary import points
from .style import BLUE, CLASS_COLOURS, GREY, ORANGE, get_ax

__all__ = ["regression_fit", "softmax_regions", "output_gradient", "loss_gradients"]


def regression_fit(model, X, y, target=None, ax=None, title=None):
    """The data (X, y) of a 1-D regression, the model's curve y_hat(x) (blue), each
    residual y_hat - y as a thin orange segment, and optionally the true function
    ``target`` (a name from ``nnkit.data.REGRESSION_TARGETS`` or a callable) dashed.
    ``model`` is anything with ``predict(X)`` or a function of X.
    The RSS is the sum of the squared lengths of the orange segments. Returns ax."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[1] != 1 or y.shape != (len(X), 1):
        raise ValueError("regression_fit draws one input and one output: X (n, 1) and y "
                         f"(n, 1). Received: X of shape {X.shape}, y of shape {y.shape}.")
    ax = get_ax(ax, figsize=(5.5, 3.4))
    predict = model.predict if hasattr(model, "predict") else model
    y_hat = np.asarray(predict(X), dtype=float).reshape(-1, 1)
    ax.vlines(X.ravel(), y.ravel(), y_hat.ravel(), color=ORANGE, lw=1, alpha=0.8,
              label="residual $\\hat y - y$")
    ax.scatter(X.ravel(), y.ravel(), s=16, color=GREY, zorder=3, label="data")
    xs = np.linspace(X.min(), X.max(), 300).reshape(-1, 1)
    ax.plot(xs.ravel(), np.asarray(predict(xs)).ravel(), color=BLUE, lw=2,
            label="network $\\hat y(x)$")
    if target is not None:
        f = REGRESSION_TARGETS.get(target) if isinstance(target, str) else target
        if not callable(f):
            raise ValueError(f"Unknown target {target!r}; expected one of "
                             f"{list(REGRESSION_TARGETS)} or a function of x.")
        ax.plot(xs.ravel(), f(xs).ravel(), color="k", lw=1, ls="--", label="true function")
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
    ax.legend(frameon=False, fontsize=8)
    rmse = losses.rmse(y, y_hat)
    ax.set_title(title or f"RSS = {losses.rss(y, y_hat):.3f},  RMSE = {rmse:.3f}")
    return ax


def _white_to(colour):
    from matplotlib.colors import LinearSegmentedColormap
    return LinearSegmentedColormap.from_list("white_to", ["#ffffff", colour])


def softmax_regions(model, X, y, resolution=120, margin=0.4):
    """Small multiples of a softmax classifier on 2-D inputs, two a row: first the plane
    coloured by the most probable class, paler where the network is less sure (the
    opacity is the winning probability); then one panel per class k with its probability
    p_k from 0 (white) to 1 (the class colour) and a black line where p_k = 0.5.
    ``y`` holds labels (n,) or (n, 1) or one-hot rows; ``model`` is anything with
    ``predict(X)`` or a function of X returning (n, k). Returns the figure."""
    import matplotlib.pyplot as plt

    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    labels = y.argmax(axis=1) if y.ndim == 2 and y.shape[1] > 1 else y.ravel()
    if X.ndim != 2 or X.shape[1] != 2 or len(labels) != len(X):
        raise ValueError("softmax_regions draws 2-D inputs: X (n, 2) and n labels. "
                         f"Received: X of shape {X.shape}, y of shape {y.shape}.")
    lo, hi = X.min(axis=0) - margin, X.max(axis=0) + margin
    xx, yy = np.meshgrid(np.linspace(lo[0], hi[0], resolution),
                         np.linspace(lo[1], hi[1], resolution))
    predict = model.predict if hasattr(model, "predict") else model
    P = np.asarray(predict(np.column_stack([xx.ravel(), yy.ravel()])), dtype=float)
    if P.ndim != 2 or P.shape[1] < 2 or not np.allclose(P.sum(axis=1), 1, atol=1e-6):
        raise ValueError("softmax_regions needs a model whose outputs are class "
                         f"probabilities (rows summing to 1). Received: outputs of shape "
                         f"{P.shape}.")
    k = P.shape[1]
    extent = (lo[0], hi[0], lo[1], hi[1])
    nrows = (k + 2) // 2  # two panels a row, so that they stay readable
    fig, grid = plt.subplots(nrows, 2, figsize=(7.4, 3.2 * nrows), layout="constrained",
                             sharex=True, sharey=True, squeeze=False)
    axes = grid.ravel()
    for ax in axes[k + 1:]:
        ax.axis("off")
    axes = axes[:k + 1]
    colours = np.array([_rgb(CLASS_COLOURS[c % len(CLASS_COLOURS)]) for c in range(k)])
    winner = P.argmax(axis=1)
    rgba = np.column_stack([colours[winner], 0.9 * P.max(axis=1)]).reshape(*xx.shape, 4)
    axes[0].imshow(rgba, origin="lower", extent=extent, aspect="auto")
    points(X, labels, ax=axes[0], size=14)
    axes[0].set_title("most probable class (paler: less sure)")
    for c, ax in enumerate(axes[1:]):
        ax.imshow(P[:, c].reshape(xx.shape), origin="lower", extent=extent,
                  aspect="auto", cmap=_white_to(CLASS_COLOURS[c % len(CLASS_COLOURS)]),
                  vmin=0, vmax=1)
        ax.contour(xx, yy, P[:, c].reshape(xx.shape), levels=[0.5], colors="k",
                   linewidths=0.8)
        mine = labels == c
        ax.scatter(X[mine, 0], X[mine, 1], s=8, c="k", lw=0)
        ax.set_title(f"$p_{c}$ = P(class {c}), white 0 to full 1")
    for ax in grid[:-1].ravel():
        ax.set_xlabel("")
    for ax in grid[-1]:
        ax.set_xlabel("$x_1$")
    for ax in grid[:, 0]:
        ax.set_ylabel("$x_2$")
    return fig


def _rgb(hex_colour):
    h = hex_colour.lstrip("#")
    return [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]


def output_gradient(z, loss, activation="sigmoid", classes=3):
    """The loss and its gradient dL/dz at a classification output whose correct class
    has the pre-activation (logit) ``z``, for each value in the 1-D array ``z``.

    ``activation="sigmoid"``: one output unit, target y = 1, y_hat = sigmoid(z).
    ``activation="softmax"``: ``classes`` outputs with logits (z, 0, ..., 0) and the
    target class 0, so y_hat_0 = e^z / (e^z + classes - 1); the gradient is dL/dz_0.

    Computed one example at a time with nnkit's own pieces, exactly as a model's
    backward pass chains them: ``activation.backward(z, a, loss.gradient(y, a))``.
    Returns (L, dL/dz), two arrays shaped like ``z``.
    """
    z = np.asarray(z, dtype=float)
    if z.ndim != 1:
        raise ValueError(f"z must be a 1-D array of logits. Received: shape {z.shape}.")
    f, loss = activations.get(activation), losses.get(loss)
    if f.name not in ("sigmoid", "softmax"):
        raise ValueError("output_gradient draws a classification output: activation "
                         f"'sigmoid' or 'softmax'. Received: activation={activation!r}")
    width = 1 if f.name == "sigmoid" else int(classes)
    y = np.ones((1, 1)) if width == 1 else np.eye(width)[:1]
    values, grads = np.empty_like(z), np.empty_like(z)
    for i, zi in enumerate(z):
        row = np.zeros((1, width))
        row[0, 0] = zi
        a = f(row)
        values[i] = loss(y, a)
        grads[i] = f.backward(row, a, loss.gradient(y, a))[0, 0]
    return values, grads


def loss_gradients(activation="sigmoid", z=None, classes=3):
    """Squared error (orange) against cross-entropy (blue) at a classification output
    whose target is the class of the logit z: left the loss, right dL/dz, the push
    gradient descent gives z. Where the network is confidently wrong (z very negative)
    the squared-error gradient dies away while the cross-entropy gradient stays near
    -1. Returns the figure."""
    import matplotlib.pyplot as plt

    z = np.linspace(-8, 8, 321) if z is None else np.asarray(z, dtype=float)
    ce = "binary_crossentropy" if activations.get(activation).name == "sigmoid" \
        else "categorical_crossentropy"
    curves = {"squared error (mse)": (output_gradient(z, "mse", activation, classes), ORANGE),
              "cross-entropy": (output_gradient(z, ce, activation, classes), BLUE)}
    fig, (ax_l, ax_g) = plt.subplots(1, 2, figsize=(8.6, 3.4), layout="constrained",
                                     sharex=True)
    for name, ((values, grads), colour) in curves.items():
        ax_l.plot(z, values, color=colour, lw=2, label=name)
        ax_g.plot(z, grads, color=colour, lw=2, label=name)
    out = ("$\\hat y$ = sigmoid($z$)" if activations.get(activation).name == "sigmoid"
           else "other logits 0, $\\hat y$ = softmax")
    for ax in (ax_l, ax_g):
        ax.axvspan(z.min(), -3, color="0.93", zorder=0)
        ax.axhline(0, color="0.7", lw=0.8, zorder=0)
        ax.set_xlabel(f"logit $z$ of the correct class ({out})")
        ax.set_xlim(z.min(), z.max())
    ax_l.text(z.min() + 0.3, 0.97, "confidently\nwrong", transform=ax_l.get_xaxis_transform(),
              va="top", fontsize=9, color="0.3")
    ax_l.set_ylabel("loss $L$")
    ax_l.set_ylim(0, 4)
    ax_l.legend(frameon=False)
    ax_l.set_title("the loss")
    ax_g.set_ylabel("gradient $\\partial L / \\partial z$")
    ax_g.set_title("its gradient: the push on $z$")
    return fig
