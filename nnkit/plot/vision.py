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
        ax.set_title(title, fontsize=9)
    return ax


def convolution_panels(image, kernel, pool=2, kernel_name="kernel"):
    """Four panels: the image, the kernel (numbers written in), the feature map
    ``vision.conv2d(image, kernel)`` and its max pooling by ``pool``. Returns the figure."""
    image, kernel = np.asarray(image, float), np.asarray(kernel, float)
    fmap = vision.conv2d(image, kernel)
    pooled = vision.max_pool(fmap, pool)
    fig, axes = plt.subplots(1, 4, figsize=(10, 2.9), layout="constrained")
    _show(axes[0], image, f"image {image.shape[0]}x{image.shape[1]}")
    _show(axes[1], kernel, f"{kernel_name} {kernel.shape[0]}x{kernel.shape[1]}",
          symmetric=True)
    if kernel.size <= 25:
        for (r, c), w in np.ndenumerate(kernel):
            axes[1].text(c, r, f"{w:.2g}", ha="center", va="center", fontsize=8)
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
    fig = plt.figure(figsize=(10, 2.8), layout="constrained")
    grid = fig.add_gridspec(1, 5)
    _show(fig.add_subplot(grid[0]), image, "image")
    _show(fig.add_subplot(grid[1]), gx, "x gradient (vertical edges)", symmetric=True)
    _show(fig.add_subplot(grid[2]), gy, "y gradient (horizontal edges)", symmetric=True)
    ax = fig.add_subplot(grid[3:])
    ax.bar(np.arange(feats.size), feats, color=BLUE)
    for k in range(1, cells * cells):
        ax.axvline(k * bins - 0.5, color="k", lw=0.5)
    ax.set_title(f"{feats.size} features: a {bins}-bin direction histogram per cell",
                 fontsize=9)
    ax.set_xlabel("cell, then gradient direction 0-180 degrees")
    return fig


def image_grid(images, titles=None, ncols=8, symmetric=False, cmap="gray",
               panel_size=1.3, suptitle=None):
    """Small multiples: ``images`` (k, H, W), or a list of 2-D images of any sizes, in a
    grid of ``ncols`` columns, with optional titles; ``symmetric=True`` draws signed values
    with 0 as white. Returns the figure."""
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
    for i, ax in enumerate(axes.flat):
        if i < k:
            _show(ax, images[i], titles[i] if titles else None, cmap, symmetric)
        else:
            ax.axis("off")
    if suptitle:
        fig.suptitle(suptitle, fontsize=10)
    return fig


def layer_rows(rows, ncols=None, panel_size=1.25, symmetric=False):
    """One row of images per label: ``rows`` is a dict {row label: images (k, H, W)}, as
    for gradient-ascent images from shallow to deep layers. Returns the figure."""
    ncols = ncols or max(len(v) for v in rows.values())
    fig, axes = plt.subplots(len(rows), ncols, squeeze=False, layout="constrained",
                             figsize=(panel_size * ncols + 1.2, panel_size * len(rows)))
    for r, (label, images) in enumerate(rows.items()):
        for c in range(ncols):
            ax = axes[r, c]
            if c < len(images):
                _show(ax, images[c], symmetric=symmetric)
            else:
                ax.axis("off")
        axes[r, 0].set_ylabel(label, fontsize=9)
    return fig


def face_predictions(faces, probs, labels=vision.FER_EMOTIONS, ncols=6, panel_size=1.5):
    """Faces (k, H, W) with the network's top label and its probability as titles."""
    probs = np.asarray(probs)
    titles = [f"{labels[p.argmax()]} {p.max():.2f}" for p in probs]
    return image_grid(faces, titles, ncols=ncols, panel_size=panel_size)
