"""Checks for the exercises of chapter 08 (deep learning for computer vision)."""
import numpy as np

from .. import vision


def _step(horizontal=False, size=9):
    img = np.zeros((size, size))
    if horizontal:
        img[size // 2:, :] = 1.0   # dark above, bright below
    else:
        img[:, size // 2:] = 1.0   # dark on the left, bright on the right
    return img


def check_vertical_edge_kernel(kernel):
    """Your 3x3 kernel for vertical edges: on a dark-left / bright-right step it must
    respond positively along the edge, and give 0 on a flat image and on a horizontal
    edge."""
    kernel = np.asarray(kernel, dtype=float)
    if kernel.shape != (3, 3):
        raise AssertionError(f"Not yet: the kernel should be 3x3. Received: shape "
                             f"{kernel.shape}.")
    flat = vision.conv2d(np.full((9, 9), 0.7), kernel)
    if np.abs(flat).max() > 1e-9:
        raise AssertionError("Not yet: on a flat image your kernel gives "
                             f"{flat.flat[0]:.3g}, not 0. Make its weights sum to 0, so "
                             "that only changes of brightness count.")
    across = vision.conv2d(_step(horizontal=True), kernel)
    if np.abs(across).max() > 1e-9:
        raise AssertionError("Not yet: your kernel also responds to a horizontal edge "
                             f"(up to {np.abs(across).max():.3g}). Make each *row* of "
                             "the kernel sum to 0, so that changes from top to bottom "
                             "are ignored.")
    along = vision.conv2d(_step(), kernel)
    if along.max() <= 1e-9:
        raise AssertionError("Not yet: your kernel does not respond positively to a "
                             "dark-to-bright vertical edge (left to right). Put negative "
                             "weights on the left column and positive ones on the right.")
    print(f"Correct: 0 on flat regions and on horizontal edges, {along.max():.3g} on "
          "the vertical edge. (The Sobel kernel [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]] is "
          "one such kernel.)")


# The layers of the parameter-count exercise: a 32x32 feature map with 8 channels.
COUNT_INPUT = (32, 32, 8)


def check_param_counts(conv, dense):
    """Your parameter counts for two layers on a (32, 32, 8) input: ``conv`` for
    Conv2D(16 filters, 3x3 kernel, padding='same') and ``dense`` for a Dense layer that
    maps the flattened input to an output of the same size as the conv layer's
    (32 * 32 * 16 units)."""
    h, w, c = COUNT_INPUT
    right_conv = vision.conv_params(3, c, 16)
    right_dense = vision.dense_params(h, w, c, h * w * 16)
    if conv != right_conv:
        hint = (" Did you forget the 16 biases?" if conv == right_conv - 16 else
                " A kernel is 3 x 3 x (input channels), one per filter, plus one bias per "
                "filter; the image size does not enter.")
        raise AssertionError(f"Not yet: the conv layer does not have {conv} "
                             f"parameters.{hint}")
    if dense != right_dense:
        raise AssertionError(f"Not yet: the Dense layer does not have {dense} parameters."
                             " Every one of the 32*32*8 inputs connects to every one of "
                             "the 32*32*16 outputs, plus one bias per output.")
    print(f"Correct: {right_conv:,} for the conv layer, {right_dense:,} for the Dense "
          f"layer, {right_dense / right_conv:,.0f} times as many.")


def check_avg_pool(avg_pool):
    """Your ``avg_pool(image, size)``: the mean over non-overlapping size x size windows,
    dropping rows and columns that do not fill a window (like max_pool). Compared with
    the reference on random images for sizes 2 and 3."""
    if not callable(avg_pool):
        raise TypeError(f"Pass your function itself. Received: {type(avg_pool).__name__}.")
    rng = np.random.default_rng(0)
    for shape, size in [((8, 8), 2), ((7, 9), 2), ((9, 9), 3), ((10, 8), 3)]:
        img = rng.normal(size=shape)
        h, w = shape[0] // size, shape[1] // size
        right = img[:h * size, :w * size].reshape(h, size, w, size).mean(axis=(1, 3))
        yours = np.asarray(avg_pool(img, size), dtype=float)
        if yours.shape != right.shape:
            raise AssertionError(f"Not yet: for a {shape} image and size {size} the "
                                 f"output should be {right.shape}. Received: "
                                 f"{yours.shape}.")
        if not np.allclose(yours, right):
            raise AssertionError(f"Not yet: wrong values for a {shape} image and size "
                                 f"{size}. Each output is the mean of one window.")
    print("Correct: your average pooling matches on all four cases.")
