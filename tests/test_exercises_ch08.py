"""Chapter 08's exercise checks accept right answers and reject wrong ones."""
import numpy as np
import pytest

from nnkit.exercises import ch08


def test_vertical_edge_kernel():
    ch08.check_vertical_edge_kernel([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])
    ch08.check_vertical_edge_kernel([[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]])
    with pytest.raises(AssertionError, match="3x3"):
        ch08.check_vertical_edge_kernel(np.ones((2, 2)))
    with pytest.raises(AssertionError, match="flat"):
        ch08.check_vertical_edge_kernel([[0, 0, 1], [0, 0, 2], [0, 0, 1]])
    with pytest.raises(AssertionError, match="horizontal"):                # Sobel y
        ch08.check_vertical_edge_kernel([[-1, -2, -1], [0, 0, 0], [1, 2, 1]])
    with pytest.raises(AssertionError, match="positively"):                # wrong sign
        ch08.check_vertical_edge_kernel([[1, 0, -1], [2, 0, -2], [1, 0, -1]])


def test_param_counts():
    ch08.check_param_counts(1168, 8192 * 16384 + 16384)
    with pytest.raises(AssertionError, match="biases"):
        ch08.check_param_counts(1152, 8192 * 16384 + 16384)
    with pytest.raises(AssertionError, match="image size does not enter"):
        ch08.check_param_counts(32 * 32 * 1168, 8192 * 16384 + 16384)
    with pytest.raises(AssertionError, match="Dense"):
        ch08.check_param_counts(1168, 8192 * 16384)


def test_avg_pool():
    def good(img, size):
        h, w = img.shape[0] // size, img.shape[1] // size
        return img[:h * size, :w * size].reshape(h, size, w, size).mean(axis=(1, 3))

    def no_crop(img, size):  # right when the windows fit, one window too many otherwise
        h, w = -(-img.shape[0] // size), -(-img.shape[1] // size)
        padded = np.pad(img, ((0, h * size - img.shape[0]), (0, w * size - img.shape[1])))
        return padded.reshape(h, size, w, size).mean(axis=(1, 3))

    def max_instead(img, size):
        h, w = img.shape[0] // size, img.shape[1] // size
        return img[:h * size, :w * size].reshape(h, size, w, size).max(axis=(1, 3))

    ch08.check_avg_pool(good)
    with pytest.raises(AssertionError, match="output should be"):
        ch08.check_avg_pool(no_crop)
    with pytest.raises(AssertionError, match="wrong values"):
        ch08.check_avg_pool(max_instead)
    with pytest.raises(TypeError, match="ndarray"):
        ch08.check_avg_pool(np.zeros(3))
