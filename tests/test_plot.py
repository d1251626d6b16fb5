"""Figures: they draw what they claim (colours where the model says, one line per key)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import nnkit as nk  # noqa: E402


def test_decision_boundary_shades_by_prediction():
    X = np.array([[-1.0, 0.0], [1.0, 0.0]])
    ax = nk.plot.decision_boundary(lambda G: (G[:, :1] > 0).astype(float), X, [[0], [1]])
    img = ax.images[0].get_array()
    assert img[:, 0].max() == 0 and img[:, -1].min() == 1  # left orange, right blue
    assert len(ax.collections) >= 2  # the 0.5 contour and the points


def test_decision_boundary_multiclass_colours_regions():
    X, labels = nk.data.gaussians(30, classes=3)
    onehot = lambda G: nk.data.one_hot((G[:, 0] > 0).astype(int) + (G[:, 1] > 0), 3)  # noqa: E731
    ax = nk.plot.decision_boundary(onehot, X, labels)
    assert ax.images[0].get_array().shape[-1] == 4


def test_loss_curves_draws_one_line_per_key():
    h = {"loss": [3, 2, 1], "val_loss": [3, 2.5, 2.4]}
    ax = nk.plot.loss_curves(h, log=True)
    assert [line.get_label() for line in ax.lines] == ["loss", "val loss"]
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), [1, 2, 3])


def test_network_draws_every_weight_and_bias():
    model = nk.Sequential([nk.Dense(3, activation="tanh"), nk.Dense(2)], seed=0)
    model.build(4)
    ax = nk.plot.network(model)
    assert len(ax.lines) == (4 + 1) * 3 + (3 + 1) * 2
    p = nk.Perceptron().fit(*nk.data.logic_gate("and"))
    assert len(nk.plot.network(p, annotate=True).texts) >= 3


def test_activation_curves_has_a_panel_per_activation():
    fig = nk.plot.activation_curves()
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert titles == nk.activations.names()


def test_animation_html_carries_alt_text_and_jpeg_frames():
    from matplotlib.animation import FuncAnimation

    fig, ax = plt.subplots(figsize=(2, 2))
    (line,) = ax.plot([0, 1], [0, 0])
    anim = FuncAnimation(fig, lambda i: line.set_ydata([0, i]), frames=3)
    page = nk.plot.animation_html(anim, alt="A line tilting up over three frames").data
    assert 'alt="A line tilting up over three frames"' in page
    assert "data:image/jpeg;base64" in page and "image/png" not in page
    with pytest.raises(ValueError, match="alt must describe"):
        nk.plot.animation_html(anim, alt="plot")
