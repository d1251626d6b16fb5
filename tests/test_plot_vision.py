"""nnkit.plot.vision and nnkit.widgets.vision: the figures have the panels, titles and
images they promise; the explorer's controls follow the layers."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nnkit import vision  # noqa: E402
from nnkit.plot import vision as pv  # noqa: E402
from nnkit.widgets.vision import explorer_view, feature_map_explorer  # noqa: E402


def test_convolution_panels_shows_map_and_pool_shapes():
    img = np.random.default_rng(0).random((10, 12))
    fig = pv.convolution_panels(img, vision.KERNELS["vertical edge"], pool=2)
    titles = [ax.get_title() for ax in fig.axes]
    assert titles[2] == "feature map 8x10" and titles[3] == "max pool 2: 4x5"
    assert len(fig.axes[1].texts) == 9                          # kernel weights written in
    fmap = vision.conv2d(img, vision.KERNELS["vertical edge"])
    assert np.allclose(fig.axes[2].images[0].get_array(), fmap)


def test_gradient_features_bars():
    fig = pv.gradient_features(np.random.default_rng(0).random((8, 8)), cells=2, bins=8)
    assert len(fig.axes[3].patches) == 32


def test_image_grid_mixed_sizes_and_errors():
    fig = pv.image_grid([np.zeros((5, 5)), np.ones((3, 3)), np.eye(4)], ncols=2,
                        titles=["a", "b", "c"])
    assert len(fig.axes) == 4 and [a.get_title() for a in fig.axes[:3]] == ["a", "b", "c"]
    assert not fig.axes[3].axison
    with pytest.raises(ValueError, match="titles"):
        pv.image_grid(np.zeros((2, 3, 3)), titles=["one"])
    with pytest.raises(ValueError, match=r"\(3,\)"):
        pv.image_grid([np.zeros(3)])


def test_symmetric_colour_scale_centres_zero():
    fig = pv.image_grid(np.array([[[-1.0, 3.0]]]), symmetric=True)
    im = fig.axes[0].images[0]
    assert im.norm.vmin == -3 and im.norm.vmax == 3


def test_layer_rows_and_face_predictions():
    fig = pv.layer_rows({"early": np.zeros((3, 4, 4)), "late": np.zeros((2, 2, 2))})
    assert len(fig.axes) == 6 and fig.axes[0].get_ylabel() == "early"
    probs = np.eye(7)[[3, 6]]
    fig = pv.face_predictions(np.zeros((2, 8, 8)), probs)
    assert [a.get_title() for a in fig.axes[:2]] == ["happy 1.00", "neutral 1.00"]


# The chapter 08 explorer (nnkit.widgets.vision).
def test_slider_range_follows_layer():
    maps = {"a": np.zeros((1, 6, 6, 3)), "b": np.zeros((2, 2, 5))}
    box = feature_map_explorer(maps, np.zeros((8, 8)))
    layer, slider = box.children[0].children
    assert slider.max == 2
    layer.value = "b"
    assert slider.max == 4
    plt.close("all")


def test_view_titles_and_bad_unit():
    fig = explorer_view(np.zeros((8, 8)), np.arange(18.0).reshape(3, 3, 2), "conv", 1)
    assert fig.axes[1].get_title() == "conv, unit 1 (3x3)"
    assert np.array_equal(fig.axes[1].images[0].get_array(), np.arange(1, 18, 2).reshape(3, 3))
    with pytest.raises(ValueError, match="unit=2"):
        explorer_view(np.zeros((8, 8)), np.zeros((3, 3, 2)), "conv", 2)
    plt.close("all")


def test_image_grid_one_colour_map_per_image():
    fig = pv.image_grid(np.zeros((3, 4, 4)), cmap=["gray", "magma", "magma"])
    assert [ax.images[0].get_cmap().name for ax in fig.axes] == ["gray", "magma", "magma"]
    fig = pv.image_grid(np.zeros((2, 4, 4)), cmap="magma")
    assert all(ax.images[0].get_cmap().name == "magma" for ax in fig.axes)
    with pytest.raises(ValueError, match="2 colour maps"):
        pv.image_grid(np.zeros((3, 4, 4)), cmap=["gray", "magma"])


def test_overlay_grid_stretches_maps_over_the_image():
    img = np.zeros((8, 8))
    maps = np.arange(8.0).reshape(2, 2, 2)
    fig = pv.overlay_grid(img, maps, titles=["a", "b"], colorbar="value")
    ax = fig.axes[0]
    assert ax.get_title() == "a" and ax.images[0].get_cmap().name == "gray"
    top = ax.images[1]
    assert top.get_extent() == [-0.5, 7.5, 7.5, -0.5]      # over the whole image
    assert np.array_equal(top.get_array(), maps[0])
    assert top.norm.vmin == 0 and top.norm.vmax == 7           # one shared scale
    with pytest.raises(ValueError, match=r"\(2, 2\)"):
        pv.overlay_grid(img, np.zeros((2, 2)))
    with pytest.raises(ValueError, match="1 titles"):
        pv.overlay_grid(img, maps, titles=["a"])
