"""nnkit.plot.playground: the colour lookup table and the pictures built from it."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nnkit.playground import Playground, PlaygroundState  # noqa: E402
from nnkit.plot.playground import (LUT, boundary_image, colour_image, network_image,  # noqa: E402
                                   neuron_grid, playground_animation, playground_grid,
                                   frame_times, playground_losses,
                                   to_png)


def test_lut_runs_orange_white_blue():
    assert LUT.shape == (256, 3) and LUT.dtype == np.uint8
    img = colour_image(np.array([[0.0, 0.5, 1.0]]))
    assert img[0, 0].tolist() == [0xf5, 0x93, 0x22]      # the book's orange
    assert (img[0, 1] >= 254).all()                      # white at 0.5
    assert img[0, 2].tolist() == [0x08, 0x77, 0xbd]      # the book's blue


def test_lut_is_halfway_at_quarter_probabilities_and_clips():
    img = colour_image(np.array([[0.25, 0.75, -3.0, 7.0]]))
    orange, blue = np.array([245, 147, 34]), np.array([8, 119, 189])
    np.testing.assert_allclose(img[0, 0], (orange + 255) / 2, atol=1.5)
    np.testing.assert_allclose(img[0, 1], (blue + 255) / 2, atol=1.5)
    assert img[0, 2].tolist() == orange.tolist() and img[0, 3].tolist() == blue.tolist()


def test_value_range_and_nan():
    img = colour_image(np.array([[-1.0, 0.0, np.nan]]), vmin=-1, vmax=1)
    assert img[0, 0].tolist() == [245, 147, 34] and (img[0, 1] >= 254).all()
    assert img[0, 2].tolist() == [160, 160, 160]
    with pytest.raises(ValueError, match="vmin=1"):
        colour_image(np.zeros((2, 2)), vmin=1, vmax=1)
    with pytest.raises(ValueError, match=r"\(3,\)"):
        colour_image(np.zeros(3))


def test_boundary_image_has_points_and_png_encodes():
    pg = Playground(PlaygroundState(dataset="xor", hidden_layers=(2,)))
    img = boundary_image(pg, resolution=40, scale=2)
    assert img.shape == (80, 80, 3) and img.dtype == np.uint8
    assert (img == 40).all(axis=2).any()                 # the points' dark rims
    png = to_png(img)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_network_image_and_figures():
    pg = Playground(PlaygroundState(hidden_layers=(3, 2)))
    img = network_image(pg, resolution=10, scale=1, gap=2)
    assert img.shape == (3 * 12 - 2, 2 * 12 - 2, 3)
    with pytest.raises(ValueError, match="hidden_layers"):
        network_image(Playground(PlaygroundState(hidden_layers=())))
    fig = neuron_grid(pg, resolution=10)
    assert len(fig.axes) == 3 * 3
    fig = playground_grid({"a": pg, "b": pg, "c": pg}, ncols=2)
    assert "test acc" in fig.axes[0].get_title() and not fig.axes[3].axison
    plt.close("all")


def test_animation_trains_the_playground():
    pg = Playground(PlaygroundState(hidden_layers=(2,)))
    anim = playground_animation(pg, epochs=6, frames=3, resolution=20)
    for i in range(4):
        anim._func(i)
    assert pg.epoch == 6
    anim._draw_was_started = True  # drawn by hand above; no 'never rendered' warning
    plt.close("all")


def test_loss_curves_one_line_per_run():
    a = Playground(PlaygroundState(hidden_layers=(2,))).step(3)
    b = Playground(PlaygroundState(hidden_layers=(2,), learning_rate=0.3)).step(3)
    ax = playground_losses({"0.03": a, "0.3": b}, key="val_loss")
    assert len(ax.lines) == 2 and ax.get_ylabel() == "test loss"
    assert ax.lines[1].get_ydata().tolist() == b.history["val_loss"]
    plt.close("all")


def test_frame_times_trains_and_times_both_ways():
    pg = Playground(PlaygroundState())
    lut_ms, mpl_ms = frame_times(pg, repeats=2, resolution=20)
    assert pg.epoch == 4 and lut_ms > 0 and mpl_ms > 0
    assert plt.get_fignums() == []  # the matplotlib frames were closed
