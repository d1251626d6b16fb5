"""Decision boundaries: what a classifier says at every point of the plane."""
import numpy as np

from .style import CLASS_COLOURS, DIVERGING, class_colours, get_ax


def _grid(X, resolution, margin):
    lo, hi = X.min(axis=0) - margin, X.max(axis=0) + margin
    xs, ys = np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution)
    xx, yy = np.meshgrid(xs, ys)
    return xx, yy, np.column_stack([xx.ravel(), yy.ravel()])


def points(X, y, ax=None, labels=None, size=30):
    """Scatter 2-D points coloured by class label; returns ax."""
    ax = get_ax(ax)
    X, y = np.asarray(X), np.asarray(y).ravel()
    for k in np.unique(y):
        pts = X[y == k]
        name = labels[int(k)] if labels else f"class {int(k)}"
        ax.scatter(pts[:, 0], pts[:, 1], s=size, c=CLASS_COLOURS[int(k) % len(CLASS_COLOURS)],
                   edgecolors="k", linewidths=0.5, label=name, zorder=3)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    return ax


def decision_boundary(model, X, y=None, ax=None, resolution=150, margin=0.3, title=None,
                      contour=True):
    """Shade the plane by the model's prediction and draw the points (X, y) on top.

    ``model`` is anything with ``predict(X)`` (an nnkit or Keras model, a Perceptron)
    or a function of X. One output: its value is shaded from orange (0) to blue (1)
    and (with ``contour``) the 0.5 contour drawn. Several outputs (softmax): each region gets the colour
    of its most probable class. Returns ax.
    """
    ax = get_ax(ax)
    X = np.asarray(X, dtype=float)
    xx, yy, grid = _grid(X, resolution, margin)
    predict = model.predict if hasattr(model, "predict") else model
    out = np.asarray(predict(grid), dtype=float)
    out = out.reshape(len(grid), -1)
    extent = (xx.min(), xx.max(), yy.min(), yy.max())
    if out.shape[1] == 1:
        zz = out.reshape(xx.shape)
        lo, hi = (-1, 1) if zz.min() < 0 else (0, 1)  # signum units say -1 / +1
        ax.imshow(zz, origin="lower", extent=extent, cmap=DIVERGING, vmin=lo, vmax=hi,
                  aspect="auto", alpha=0.5)
        if contour and zz.min() < (lo + hi) / 2 < zz.max():
            ax.contour(xx, yy, zz, levels=[(lo + hi) / 2], colors="k", linewidths=1)
    else:
        cls = out.argmax(axis=1).reshape(xx.shape)
        rgba = np.array([_rgba(c) for c in class_colours(np.arange(out.shape[1]))])
        ax.imshow(rgba[cls], origin="lower", extent=extent, aspect="auto", alpha=0.35)
    if y is not None:
        points(X, y, ax=ax)
    ax.set_xlim(extent[:2])
    ax.set_ylim(extent[2:])
    if title:
        ax.set_title(title)
    return ax


def decision_line(w, ax, xlim=(-0.5, 1.5), **kwargs):
    """Draw the line w0 + w1 x1 + w2 x2 = 0 of a neuron with bias w0 (w has 3 entries)."""
    w0, w1, w2 = np.asarray(w, dtype=float)
    xs = np.array(xlim, dtype=float)
    kwargs = {"color": "k", "lw": 1.5, **kwargs}
    if abs(w2) > 1e-12:
        ax.plot(xs, -(w0 + w1 * xs) / w2, **kwargs)
    elif abs(w1) > 1e-12:
        ax.axvline(-w0 / w1, **kwargs)
    return ax


def _rgba(hex_colour):
    h = hex_colour.lstrip("#")
    return [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)] + [1.0]
