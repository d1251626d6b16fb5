"""Pictures of a ``nnkit.playground.Playground`` (chapter 09), fast enough to redraw
every epoch.

The heatmap is an RGB array made by a numpy colour lookup table (orange, white, blue:
P(class 1) from 0 to 1), not by a matplotlib redraw: a 100 x 100 frame plus one epoch of a
small network took ~13 ms this way (PNG by Pillow) against ~57 ms with ``imshow``
(``frame_times`` measures both). The matplotlib functions below only frame those arrays
for the book's static figures.
"""
import io
import time

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.animation import FuncAnimation

from .style import BLUE, ORANGE


def _rgb(hex_colour):
    return np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)], dtype=float)


def _make_lut(n=256):
    # Linear in RGB from orange (0) to white (0.5) to blue (1), as the Playground shades.
    t = np.linspace(0, 1, n)[:, None]
    white = np.full(3, 255.0)
    lower = _rgb(ORANGE) + (white - _rgb(ORANGE)) * np.clip(2 * t, 0, 1)
    upper = white + (_rgb(BLUE) - white) * np.clip(2 * t - 1, 0, 1)
    return np.round(np.where(t <= 0.5, lower, upper)).astype(np.uint8)


LUT = _make_lut()  # (256, 3) uint8
LINE_COLOURS = ["0.45", BLUE, "#2ca02c", "#d62728", "#9467bd", ORANGE]


def colour_image(values, vmin=0.0, vmax=1.0, lut=LUT):
    """Values (h, w) as an RGB image (h, w, 3) of uint8: vmin orange, the middle white,
    vmax blue. NaN (a diverged network) is drawn grey."""
    v = np.asarray(values, dtype=float)
    if v.ndim != 2:
        raise ValueError(f"values must be 2-D (h, w). Received: shape {v.shape}")
    if not vmax > vmin:
        raise ValueError(f"vmax must be larger than vmin. Received: vmin={vmin}, vmax={vmax}")
    t = np.clip((np.nan_to_num(v, nan=0.5 * (vmin + vmax)) - vmin) / (vmax - vmin), 0, 1)
    img = lut[np.round(t * (len(lut) - 1)).astype(int)]
    img[np.isnan(v)] = 160
    return img


def _paint_points(img, X, y, extent, radius=2):
    """Class-coloured dots with a dark rim, painted into ``img`` in place."""
    h, w, _ = img.shape
    cols = np.round((X[:, 0] + extent) / (2 * extent) * (w - 1)).astype(int)
    rows = np.round((extent - X[:, 1]) / (2 * extent) * (h - 1)).astype(int)
    colours = np.where(np.ravel(y)[:, None] >= 0.5, _rgb(BLUE), _rgb(ORANGE)).astype(np.uint8)
    for dr in range(-radius - 1, radius + 2):
        for dc in range(-radius - 1, radius + 2):
            d2 = dr * dr + dc * dc
            if d2 > (radius + 1) ** 2:
                continue
            r, c = rows + dr, cols + dc
            ok = (r >= 0) & (r < h) & (c >= 0) & (c < w)
            img[r[ok], c[ok]] = colours[ok] if d2 <= radius ** 2 else 40
    return img


def boundary_image(pg, resolution=100, scale=3, show_test=False):
    """The Playground's output picture as RGB (resolution*scale, resolution*scale, 3):
    P(class 1) over the view, with the training points (and the test points, smaller,
    if ``show_test``) painted on top."""
    img = colour_image(pg.probabilities(resolution))
    img = np.repeat(np.repeat(img, scale, axis=0), scale, axis=1)
    radius = max(2, scale)
    _paint_points(img, pg.X_train, pg.y_train, pg.extent, radius=radius)
    if show_test:
        _paint_points(img, pg.X_test, pg.y_test, pg.extent, radius=radius - 1)
    return img


def _matplotlib_frame(pg, resolution):
    # The slow way, for comparison: a fresh figure with imshow, points and a title, as PNG.
    cmap = plt.matplotlib.colors.ListedColormap(LUT / 255.0)
    fig, ax = plt.subplots(figsize=(3, 3), dpi=100)
    e = pg.extent
    ax.imshow(pg.probabilities(resolution), cmap=cmap, vmin=0, vmax=1, extent=(-e, e, -e, e))
    ax.scatter(pg.X_train[:, 0], pg.X_train[:, 1], c=np.ravel(pg.y_train), cmap=cmap,
               vmin=0, vmax=1, s=12, edgecolors="0.15", linewidths=0.5)
    ax.set_title(f"epoch {pg.epoch}, test loss {pg.test_loss():.3f}", fontsize=9)
    fig.savefig(io.BytesIO(), format="png")
    plt.close(fig)


def frame_times(pg, repeats=5, resolution=100):
    """Milliseconds per frame, each frame one epoch of training on ``pg`` (which it trains
    2 * ``repeats`` more epochs) plus one 300 x 300 px PNG picture, drawn two ways: by the
    numpy lookup table and Pillow, and by a fresh matplotlib figure. Returns the medians
    (lut_ms, matplotlib_ms)."""
    def median_ms(frame):
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            pg.step(1)
            frame()
            times.append(1000 * (time.perf_counter() - start))
        return float(np.median(times))

    lut = median_ms(lambda: to_png(boundary_image(pg, resolution, scale=3)))
    return lut, median_ms(lambda: _matplotlib_frame(pg, resolution))


def to_png(img):
    """An RGB uint8 array as PNG bytes (for an ``ipywidgets.Image``)."""
    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(img)).save(buf, format="PNG")
    return buf.getvalue()


def _value_range(activation):
    return {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0), "relu": (-1.0, 1.0)}.get(
        activation, (-1.0, 1.0))


def neuron_images(pg, resolution=30):
    """One small RGB picture per hidden unit: what that unit outputs over the view, in
    the same colours (for tanh and linear units -1 orange, 0 white, +1 blue; sigmoid
    0 to 1). A list per hidden layer of lists of (r, r, 3) arrays."""
    vmin, vmax = _value_range(pg.state.activation)
    return [[colour_image(u, vmin, vmax) for u in layer]
            for layer in pg.neuron_outputs(resolution)]


def network_image(pg, resolution=24, scale=2, gap=6):
    """The hidden units' pictures in one RGB array, a column per hidden layer (top
    aligned), as the Playground draws them inside its neurons."""
    layers = neuron_images(pg, resolution)
    if not layers:
        raise ValueError("The network has no hidden layers. Received: hidden_layers=()")
    side = resolution * scale
    rows = max(len(layer) for layer in layers)
    img = np.full((rows * (side + gap) - gap, len(layers) * (side + gap) - gap, 3), 255,
                  np.uint8)
    for j, layer in enumerate(layers):
        for i, unit in enumerate(layer):
            big = np.repeat(np.repeat(unit, scale, axis=0), scale, axis=1)
            img[i * (side + gap):i * (side + gap) + side, j * (side + gap):j * (side + gap) + side] = big
    return img


def playground_panel(pg, ax=None, resolution=100, title=None):
    """The output picture of one Playground on matplotlib axes, titled with its epoch and
    test accuracy (or the given title). Returns the axes."""
    if ax is None:
        _, ax = plt.subplots(figsize=(3.2, 3.2), layout="constrained")
    e = pg.extent
    ax.imshow(boundary_image(pg, resolution, scale=3), extent=(-e, e, -e, e),
              interpolation="nearest")
    ax.set_xticks([]), ax.set_yticks([])
    if title is None:
        title = (f"epoch {pg.epoch}: diverged" if pg.diverged else
                 f"epoch {pg.epoch}, test acc {pg.test_accuracy():.2f}")
    ax.set_title(title, fontsize=9)
    return ax


def playground_grid(runs, ncols=4, size=2.4):
    """Small multiples: ``runs`` maps a title to a trained Playground. Returns the figure."""
    n = len(runs)
    if n == 0:
        raise ValueError("runs is empty; pass a dict {title: Playground}.")
    ncols = min(ncols, n)
    nrows = -(-n // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, size * nrows + 0.3),
                             layout="constrained", squeeze=False)
    for ax, (title, pg) in zip(axes.flat, runs.items()):
        playground_panel(pg, ax=ax, title=f"{title}\n" + (
            "diverged" if pg.diverged else
            f"test acc {pg.test_accuracy():.2f}, loss {pg.test_loss():.2f}"))
    for ax in list(axes.flat)[n:]:
        ax.axis("off")
    return fig


def playground_losses(runs, key="loss", ax=None, log=False):
    """One curve per run: ``history[key]`` ("loss" or "val_loss") against epoch, for
    ``runs`` a dict {label: Playground}; a run that diverged ends with an x. Returns ax."""
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 3.2), layout="constrained")
    for i, (label, pg) in enumerate(runs.items()):
        values = pg.history[key]
        (line,) = ax.plot(np.arange(len(values)), values, label=label,
                          color=LINE_COLOURS[i % len(LINE_COLOURS)])
        if pg.diverged:
            ax.plot(len(values) - 1, values[-1], "x", color=line.get_color(), ms=8)
    ax.set_xlabel("epoch")
    ax.set_ylabel({"loss": "training loss", "val_loss": "test loss"}.get(key, key))
    if log:
        ax.set_yscale("log")
    ax.legend(fontsize=8)
    return ax


def neuron_grid(pg, resolution=40, size=0.9):
    """The Playground's network view: a column of small heatmaps per hidden layer, one per
    unit, then the output. Returns the figure."""
    layers = neuron_images(pg, resolution)
    ncols = len(layers) + 1
    nrows = max([len(layer) for layer in layers] + [1])
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols + 1.2, size * nrows),
                             layout="constrained", squeeze=False)
    for j, layer in enumerate(layers):
        for i in range(nrows):
            axes[i, j].axis("off")
            if i < len(layer):
                axes[i, j].imshow(layer[i], interpolation="nearest")
        axes[0, j].set_title(f"layer {j + 1}", fontsize=8)
    for i in range(nrows):
        axes[i, -1].axis("off")
    axes[nrows // 2, -1].imshow(colour_image(pg.probabilities(resolution)),
                                interpolation="nearest")
    axes[0, -1].set_title("output", fontsize=8)
    return fig


def playground_animation(pg, epochs=100, frames=20, resolution=60):
    """A matplotlib animation of ``pg`` training: the output picture and the train and
    test loss, ``frames`` frames spread over ``epochs`` more epochs. Show it in a notebook
    with ``nk.plot.animation_html(anim, alt=...)``."""
    per_frame = max(1, epochs // frames)
    fig, (ax_img, ax_loss) = plt.subplots(1, 2, figsize=(7.6, 3.4), layout="constrained",
                                          width_ratios=[1, 1.3])
    e = pg.extent
    im = ax_img.imshow(boundary_image(pg, resolution, scale=3), extent=(-e, e, -e, e),
                       interpolation="nearest")
    ax_img.set_xticks([]), ax_img.set_yticks([])
    title = ax_img.set_title("", fontsize=11)
    (tr,) = ax_loss.plot([], [], color="0.2", label="train loss")
    (te,) = ax_loss.plot([], [], color=BLUE, label="test loss")
    ax_loss.set_xlim(0, pg.epoch + per_frame * frames)
    ax_loss.set_ylim(0, max(1.0, max(pg.history["val_loss"]) * 1.1))
    ax_loss.set_xlabel("epoch", fontsize=11), ax_loss.legend(fontsize=10)
    ax_loss.tick_params(labelsize=10)

    def update(i):
        if i > 0:
            pg.step(per_frame)
        im.set_data(boundary_image(pg, resolution, scale=3))
        x = np.arange(len(pg.history["loss"]))
        tr.set_data(x, pg.history["loss"])
        te.set_data(x, pg.history["val_loss"])
        title.set_text(f"epoch {pg.epoch}, test loss {pg.test_loss():.3f}")
        return im, tr, te, title

    update(0)
    # Lay the figure out once: nothing moves between frames, and constrained layout
    # recomputed on every frame was half the rendering time.
    fig.canvas.draw()
    fig.set_layout_engine("none")
    return FuncAnimation(fig, update, frames=frames + 1, interval=150, blit=False)
