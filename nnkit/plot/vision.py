"""Chapter 08's figures: an image, a kernel and its feature map; hand-crafted gradient
features; small multiples of filters, feature maps and images (``image_grid``); and a
face network's predictions."""
import matplotlib.pyplot as plt
import numpy as np

from .. import vision
from .style import BLUE


def _show(ax, img, title=None, cmap="gray", symmetric=False):
    img = np.asarray(img, dtype=float)
    if symmetric:  # signed values (kernels, feature maps): 0 is mid-grey
        v = max(float(np.abs(img).max()), 1e-12)
        ax.imshow(img, cmap="RdBu_r", vmin=-v, vmax=v)
    else:
        ax.imshow(img, cmap=cmap)
    ax.set_xticks([])
    ax.set_yticks([])
    if title:
        ax.set_title(title, fontsize=10)
    return ax


def convolution_panels(image, kernel, pool=2, kernel_name="kernel"):
    """Four panels: the image, the kernel (numbers written in), the feature map
    ``vision.conv2d(image, kernel)`` and its max pooling by ``pool``. Returns the figure."""
    image, kernel = np.asarray(image, float), np.asarray(kernel, float)
    fmap = vision.conv2d(image, kernel)
    pooled = vision.max_pool(fmap, pool)
    fig, axes = plt.subplots(1, 4, figsize=(7.5, 2.3), layout="constrained")
    _show(axes[0], image, f"image {image.shape[0]}x{image.shape[1]}")
    _show(axes[1], kernel, f"{kernel_name} {kernel.shape[0]}x{kernel.shape[1]}",
          symmetric=True)
    if kernel.size <= 25:
        big = 0.5 * max(float(np.abs(kernel).max()), 1e-12)
        for (r, c), w in np.ndenumerate(kernel):  # white on the dark cells
            axes[1].text(c, r, f"{w:.2g}", ha="center", va="center", fontsize=9,
                         color="white" if abs(w) > big else "black")
    _show(axes[2], fmap, f"feature map {fmap.shape[0]}x{fmap.shape[1]}", symmetric=True)
    _show(axes[3], pooled, f"max pool {pool}: {pooled.shape[0]}x{pooled.shape[1]}",
          symmetric=True)
    return fig


def gradient_features(image, cells=2, bins=8):
    """What the hand-crafted features see in one image: the image, its x and y gradients
    (Sobel kernels), and the feature vector of ``vision.gradient_histograms`` as bars,
    one group per cell. Returns the figure."""
    image = np.asarray(image, float)
    padded = np.pad(image, 1, mode="edge")
    gx = vision.conv2d(padded, vision.KERNELS["vertical edge"])
    gy = vision.conv2d(padded, vision.KERNELS["horizontal edge"])
    feats = vision.gradient_histograms(image[None], cells, bins)[0]
    fig = plt.figure(figsize=(8.5, 2.6), layout="constrained")
    grid = fig.add_gridspec(1, 5)
    _show(fig.add_subplot(grid[0]), image, "image")
    _show(fig.add_subplot(grid[1]), gx, "x gradient\n(vertical edges)", symmetric=True)
    _show(fig.add_subplot(grid[2]), gy, "y gradient\n(horizontal edges)", symmetric=True)
    ax = fig.add_subplot(grid[3:])
    ax.bar(np.arange(feats.size), feats, color=BLUE)
    for k in range(1, cells * cells):
        ax.axvline(k * bins - 0.5, color="k", lw=0.5)
    ax.set_title(f"{feats.size} features: a {bins}-bin direction histogram per cell",
                 fontsize=10)
    ax.set_xlabel("cell, then gradient direction 0-180 degrees")
    return fig


def image_grid(images, titles=None, ncols=8, symmetric=False, cmap="gray",
               panel_size=1.3, suptitle=None):
    """Small multiples: ``images`` (k, H, W), or a list of 2-D images of any sizes, in a
    grid of ``ncols`` columns, with optional titles; ``symmetric=True`` draws signed values
    with 0 as white. ``cmap`` is one colour map, or a list of one per image (to draw an
    input in grey beside its feature maps). Returns the figure."""
    images = [np.asarray(img, dtype=float) for img in images]
    bad = [img.shape for img in images if img.ndim != 2]
    if not images or bad:
        raise ValueError("images must be a non-empty stack (k, height, width) or list of "
                         f"2-D images. Received: shapes {bad or 'none'}.")
    if titles is not None and len(titles) != len(images):
        raise ValueError(f"titles must have one entry per image ({len(images)}). "
                         f"Received: {len(titles)} titles.")
    k = len(images)
    ncols = min(ncols, k)
    nrows = -(-k // ncols)
    fig, axes = plt.subplots(nrows, ncols, squeeze=False, layout="constrained",
                             figsize=(panel_size * ncols, panel_size * nrows + 0.3))
    cmaps = [cmap] * k if isinstance(cmap, str) else list(cmap)
    if len(cmaps) != k:
        raise ValueError(f"cmap must be one colour map name or one per image ({k}). "
                         f"Received: {len(cmaps)} colour maps.")
    for i, ax in enumerate(axes.flat):
        if i < k:
            _show(ax, images[i], titles[i] if titles else None, cmaps[i], symmetric)
        else:
            ax.axis("off")
    if suptitle:
        fig.suptitle(suptitle, fontsize=10)
    return fig


def layer_rows(rows, ncols=None, panel_size=1.25, symmetric=False, cmap="gray"):
    """One row of images per label: ``rows`` is a dict {row label: images (k, H, W)}, as
    for gradient-ascent images (grey) or feature maps (``cmap="magma"``) from shallow to
    deep layers. Returns the figure."""
    ncols = ncols or max(len(v) for v in rows.values())
    fig, axes = plt.subplots(len(rows), ncols, squeeze=False, layout="constrained",
                             figsize=(panel_size * ncols + 1.2, panel_size * len(rows)))
    for r, (label, images) in enumerate(rows.items()):
        for c in range(ncols):
            ax = axes[r, c]
            if c < len(images):
                _show(ax, images[c], cmap=cmap, symmetric=symmetric)
            else:
                ax.axis("off")
        axes[r, 0].set_ylabel(label, fontsize=9)
    return fig


def face_predictions(faces, probs, labels=vision.FER_EMOTIONS, ncols=6, panel_size=1.5):
    """Faces (k, H, W) with the network's top label and its probability as titles."""
    probs = np.asarray(probs)
    titles = [f"{labels[p.argmax()]} {p.max():.2f}" for p in probs]
    return image_grid(faces, titles, ncols=ncols, panel_size=panel_size)


def overlay_grid(image, heatmaps, titles=None, ncols=4, panel_size=1.7, cmap="magma",
                 alpha=0.55, colorbar=None):
    """Small multiples of one grey ``image`` (H, W) with a coarse map laid over it in
    each panel: ``heatmaps`` (k, h, w), each stretched over the whole image with
    nearest-neighbour blocks (cell [i, j] covers rows i*H/h to (i+1)*H/h), so that one
    sees *where* on the image a coarse feature map (or an occlusion map) is high.
    ``colorbar`` labels a shared colour bar (all maps then share one scale)."""
    image = np.asarray(image, dtype=float)
    maps = np.asarray(heatmaps, dtype=float)
    if image.ndim != 2 or maps.ndim != 3:
        raise ValueError("image must be (H, W) and heatmaps (k, h, w). Received: shapes "
                         f"{image.shape} and {maps.shape}.")
    k = len(maps)
    if titles is not None and len(titles) != k:
        raise ValueError(f"titles must have one entry per map ({k}). "
                         f"Received: {len(titles)} titles.")
    ncols = min(ncols, k)
    nrows = -(-k // ncols)
    fig, axes = plt.subplots(nrows, ncols, squeeze=False, layout="constrained",
                             figsize=(panel_size * ncols + (0.9 if colorbar else 0),
                                      panel_size * nrows + 0.3))
    H, W = image.shape
    extent = (-0.5, W - 0.5, H - 0.5, -0.5)
    vmin, vmax = (maps.min(), maps.max()) if colorbar else (None, None)
    for i, ax in enumerate(axes.flat):
        if i >= k:
            ax.axis("off")
            continue
        _show(ax, image, titles[i] if titles else None)
        im = ax.imshow(maps[i], cmap=cmap, alpha=alpha, extent=extent,
                       interpolation="nearest", vmin=vmin, vmax=vmax)
    if colorbar:
        fig.colorbar(im, ax=axes, shrink=0.8, label=colorbar)
    return fig
