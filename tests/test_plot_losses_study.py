"""Chapter 04's figures of outputs and losses: they draw what they claim, and their
gradients are right. The computational graph is tested in test_plot_backprop_graph.py."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import nnkit as nk  # noqa: E402


@pytest.mark.parametrize("activation,loss", [("sigmoid", "mse"),
                                             ("sigmoid", "binary_crossentropy"),
                                             ("softmax", "mse"),
                                             ("softmax", "categorical_crossentropy")])
def test_output_gradient_matches_central_differences(activation, loss):
    z = np.linspace(-6, 6, 25)
    eps = 1e-5
    values, grads = nk.plot.output_gradient(z, loss, activation)
    plus, _ = nk.plot.output_gradient(z + eps, loss, activation)
    minus, _ = nk.plot.output_gradient(z - eps, loss, activation)
    np.testing.assert_allclose(grads, (plus - minus) / (2 * eps), atol=1e-7)
    assert values.shape == grads.shape == z.shape


def test_cross_entropy_pushes_hard_where_squared_error_gives_up():
    z = np.array([-8.0, 0.0, 8.0])
    _, mse = nk.plot.output_gradient(z, "mse", "sigmoid")
    _, ce = nk.plot.output_gradient(z, "binary_crossentropy", "sigmoid")
    p = nk.activations.sigmoid(z)
    np.testing.assert_allclose(ce, p - 1, atol=1e-12)  # y_hat - y with y = 1
    np.testing.assert_allclose(mse, 2 * (p - 1) * p * (1 - p), atol=1e-12)
    assert abs(mse[0]) < 1e-3 and ce[0] < -0.99  # confidently wrong
    _, soft = nk.plot.output_gradient(z, "categorical_crossentropy", "softmax", classes=3)
    np.testing.assert_allclose(soft, np.exp(z) / (np.exp(z) + 2) - 1, atol=1e-12)


def test_output_gradient_rejects_bad_input():
    with pytest.raises(ValueError, match="Received: activation='relu'"):
        nk.plot.output_gradient(np.zeros(3), "mse", "relu")
    with pytest.raises(ValueError, match=r"Received: shape \(3, 1\)"):
        nk.plot.output_gradient(np.zeros((3, 1)), "mse")
    with pytest.raises(ValueError, match="Unknown loss 'hinge'"):
        nk.plot.output_gradient(np.zeros(3), "hinge")


@pytest.mark.parametrize("activation", ["sigmoid", "softmax"])
def test_loss_gradients_draws_two_curves_per_panel(activation):
    fig = nk.plot.loss_gradients(activation, z=np.linspace(-4, 4, 9))
    assert len(fig.axes) == 2
    for ax in fig.axes:
        assert len(ax.get_lines()) >= 2
    ce_grad = fig.axes[1].get_lines()[1].get_ydata()
    assert ce_grad[0] < -0.9 and abs(ce_grad[-1]) < 0.1


def test_regression_fit_draws_every_residual():
    X, y = nk.data.regression_1d("sine", n=20, noise=0.1, seed=1)
    model = nk.Sequential([nk.Dense(1)], seed=0)
    model.build(1)
    ax = nk.plot.regression_fit(model, X, y, target="sine")
    segments = ax.collections[0].get_segments()
    assert len(segments) == 20
    y_hat = model.predict(X)
    lengths = np.array([abs(s[1, 1] - s[0, 1]) for s in segments])
    np.testing.assert_allclose(np.sort(lengths), np.sort(np.abs(y_hat - y).ravel()))
    assert f"RSS = {nk.losses.rss(y, y_hat):.3f}" in ax.get_title()
    assert len(ax.get_lines()) == 2  # the network and the true function


def test_regression_fit_accepts_a_function():
    X, y = nk.data.regression_1d(n=5)
    ax = nk.plot.regression_fit(lambda X: 2 * X, X, y, title="doubling")
    assert ax.get_title() == "doubling"


def test_regression_fit_rejects_bad_input():
    X, y = nk.data.regression_1d(n=5)
    model = nk.Sequential([nk.Dense(1)], seed=0)
    model.build(1)
    with pytest.raises(ValueError, match=r"Received: X of shape \(5, 1\), y of shape \(5,\)"):
        nk.plot.regression_fit(model, X, y.ravel())
    with pytest.raises(ValueError, match="Unknown target 'sin'"):
        nk.plot.regression_fit(model, X, y, target="sin")


def three_class_model():
    X, labels = nk.data.gaussians(60, classes=3, seed=0)
    model = nk.Sequential([nk.Dense(3, activation="softmax")], seed=0)
    model.compile(optimizer=nk.SGD(0.5), loss="categorical_crossentropy")
    model.fit(X, nk.data.one_hot(labels), epochs=20, batch_size=20)
    return model, X, labels


def test_softmax_regions_shades_by_probability():
    model, X, labels = three_class_model()
    fig = nk.plot.softmax_regions(model, X, labels, resolution=30)
    panels = [ax for ax in fig.axes if ax.images]
    assert len(panels) == 4
    rgba = panels[0].images[0].get_array()
    lo, hi = X.min(axis=0) - 0.4, X.max(axis=0) + 0.4
    xx, yy = np.meshgrid(np.linspace(lo[0], hi[0], 30), np.linspace(lo[1], hi[1], 30))
    P = model.predict(np.column_stack([xx.ravel(), yy.ravel()]))
    np.testing.assert_allclose(rgba[..., 3].ravel(), 0.9 * P.max(axis=1))
    for c in range(3):
        np.testing.assert_allclose(panels[c + 1].images[0].get_array().ravel(), P[:, c])
    # one-hot targets draw the same
    fig2 = nk.plot.softmax_regions(model, X, nk.data.one_hot(labels), resolution=30)
    assert len([ax for ax in fig2.axes if ax.images]) == 4


def test_softmax_regions_rejects_bad_input():
    model, X, labels = three_class_model()
    with pytest.raises(ValueError, match=r"Received: X of shape \(60, 3\)"):
        nk.plot.softmax_regions(model, np.hstack([X, X[:, :1]]), labels)
    with pytest.raises(ValueError, match=r"rows summing to 1\). Received: outputs of shape"):
        nk.plot.softmax_regions(lambda G: G, X, labels)


def test_softmax_regions_accepts_a_function():
    _, X, labels = three_class_model()
    fig = nk.plot.softmax_regions(
        lambda G: nk.activations.softmax(np.column_stack([G, np.zeros(len(G))])),
        X, labels, resolution=10)
    assert len(fig.axes) >= 4
