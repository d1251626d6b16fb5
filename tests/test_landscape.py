"""nnkit.landscape: slices of the loss surface are the loss at the points they claim, the
model keeps its weights, and bad directions are refused with the received value."""
import numpy as np
import pytest

import nnkit as nk
from nnkit import landscape


def data():
    return nk.data.regression_1d("cubic", n=40, noise=0.05, seed=1)


def relu_net(seed=0, hidden=3):
    net = nk.Sequential([nk.Dense(hidden, activation="relu"), nk.Dense(1)], seed=seed)
    net.compile(optimizer=nk.SGD(learning_rate=0.1), loss="mse")
    net.build(1)
    return net


def linear_net():
    net = nk.Sequential([nk.Dense(1)], seed=0)
    net.compile(optimizer="sgd", loss="mse")
    net.build(1)
    return net


def test_line_slice_of_a_linear_model_is_its_exact_parabola():
    X, y = data()
    net = linear_net()
    (W, b), d = net.get_weights(), [np.array([[0.7]]), np.array([-0.4])]
    alphas = np.linspace(-2, 3, 11)
    losses = landscape.loss_slice(net, X, y, d, alphas)
    by_hand = [np.mean((X @ (W + a * d[0]) + (b + a * d[1]) - y) ** 2) for a in alphas]
    np.testing.assert_allclose(losses, by_hand, rtol=1e-12)
    np.testing.assert_array_equal(net.get_weights()[0], W)  # the model kept its weights


def test_line_passes_through_the_model_and_the_other_end():
    X, y = data()
    net, other = relu_net(0), relu_net(1)
    start, end = net.get_weights(), other.get_weights()
    losses = landscape.loss_slice(net, X, y, landscape.direction_between(start, end), [0.0, 1.0])
    assert losses[0] == pytest.approx(net.evaluate(X, y), rel=1e-12)
    assert losses[1] == pytest.approx(other.evaluate(X, y), rel=1e-12)
    assert losses[1] == pytest.approx(landscape.loss_at(net, X, y, end), rel=1e-12)
    for a, b in zip(net.get_weights(), start):
        np.testing.assert_array_equal(a, b)


def test_plane_is_indexed_betas_by_alphas():
    X, y = data()
    net = relu_net()
    d1, d2 = landscape.random_direction(net, seed=1), landscape.random_direction(net, seed=2)
    alphas, betas = np.array([-0.5, 0.0, 0.25, 1.0]), np.array([0.0, 0.3, -0.7])
    plane = landscape.loss_slice(net, X, y, (d1, d2), alphas, betas)
    assert plane.shape == (3, 4)
    w = [p + 1.0 * u - 0.7 * v for p, u, v in zip(net.get_weights(), d1, d2)]
    assert plane[2, 3] == pytest.approx(landscape.loss_at(net, X, y, w), rel=1e-12)
    assert plane[0, 1] == pytest.approx(net.evaluate(X, y), rel=1e-12)


def test_origin_moves_the_slice():
    X, y = data()
    net, other = relu_net(0), relu_net(5)
    d = landscape.random_direction(net, seed=0)
    at_other = landscape.loss_slice(net, X, y, d, [0.0, 0.5], origin=other.get_weights())
    assert at_other[0] == pytest.approx(other.evaluate(X, y), rel=1e-12)
    assert at_other[0] != pytest.approx(net.evaluate(X, y))


def test_filter_normalised_direction_matches_each_neurons_size():
    net = relu_net(hidden=4)
    net.fit(*data(), epochs=5, batch_size=8)
    d = landscape.random_direction(net, seed=3)
    assert [a.shape for a in d] == [w.shape for w in net.get_weights()]
    for (W, b), (dW, db) in [(net.get_weights()[:2], d[:2]), (net.get_weights()[2:], d[2:])]:
        np.testing.assert_allclose(np.linalg.norm(np.vstack([dW, db]), axis=0),
                                   np.linalg.norm(np.vstack([W, b]), axis=0), rtol=1e-12)
    again = landscape.random_direction(net, seed=3)
    assert all(np.array_equal(a, b) for a, b in zip(d, again))
    raw = landscape.random_direction(net, seed=3, normalize=None)
    np.testing.assert_array_equal(raw[0], np.random.default_rng(3).normal(size=(1, 4)))


def test_gradient_norm_matches_finite_differences_and_vanishes_at_least_squares():
    X, y = data()
    net = relu_net()
    loss = lambda: net.compute_loss(y, net.forward(X))  # noqa: E731
    numeric = [nk.numerical_gradient(loss, p) for p in net.params]
    expected = np.sqrt(sum(np.sum(g ** 2) for g in numeric))
    assert landscape.gradient_norm(net, X, y) == pytest.approx(expected, rel=1e-6)
    lin = linear_net()
    X1 = np.hstack([X, np.ones_like(X)])
    w = np.linalg.lstsq(X1, y, rcond=None)[0]
    lin.set_weights([w[:1], w[1]])
    assert landscape.gradient_norm(lin, X, y) < 1e-12
    assert landscape.gradient_norm(net, X, y) > 1e-3


def test_permuting_hidden_units_keeps_the_function_and_the_loss():
    X, y = data()
    net = relu_net(hidden=3)
    # every unit alive on part of [-1, 1], and each with its own output weight
    net.set_weights([np.array([[1.0, -1.0, 0.5]]), np.array([0.1, 0.2, -0.3]),
                     np.array([[1.0], [2.0], [3.0]]), np.array([0.5])])
    w = landscape.permute_units(net, [2, 0, 1])
    assert not np.array_equal(w[0], net.get_weights()[0])
    np.testing.assert_array_equal(w[0], net.get_weights()[0][:, [2, 0, 1]])
    copy = relu_net(hidden=3)
    copy.set_weights(w)
    np.testing.assert_allclose(copy.predict(X), net.predict(X), rtol=1e-12, atol=1e-15)
    assert landscape.loss_at(net, X, y, w) == pytest.approx(net.evaluate(X, y), rel=1e-12)


def test_permute_units_refuses_bad_orders_and_layers():
    net = relu_net(hidden=3)
    with pytest.raises(ValueError, match=r"permutation of 0..2. Received: order=\[0, 0, 1\]"):
        landscape.permute_units(net, [0, 0, 1])
    with pytest.raises(ValueError, match=r"Received: order=\[1, 0\]"):
        landscape.permute_units(net, [1, 0])
    with pytest.raises(ValueError, match="Received: layer=1"):
        landscape.permute_units(net, [0], layer=1)  # the output layer has no successor


def test_bad_directions_and_steps_name_what_was_received():
    X, y = data()
    net = relu_net()
    good = landscape.random_direction(net, seed=0)
    with pytest.raises(ValueError, match=r"directions\[0\] must have shape \(1, 3\).*Received: shape \(3, 1\)"):
        landscape.loss_slice(net, X, y, [good[0].T] + good[1:], [0.0])
    with pytest.raises(ValueError, match="must hold 4 arrays.*Received: 3 arrays"):
        landscape.loss_slice(net, X, y, good[:3], [0.0])
    with pytest.raises(TypeError, match="list of arrays.*Received: ndarray"):
        landscape.loss_slice(net, X, y, good[0], [0.0])
    with pytest.raises(ValueError, match="NaN"):
        landscape.loss_slice(net, X, y, [np.full_like(good[0], np.nan)] + good[1:], [0.0])
    with pytest.raises(ValueError, match=r"alphas must be a non-empty 1-D.*Received: shape \(2, 2\)"):
        landscape.loss_slice(net, X, y, good, np.zeros((2, 2)))
    with pytest.raises(ValueError, match="two directions"):
        landscape.loss_slice(net, X, y, good, [0.0], betas=[0.0])
    with pytest.raises(ValueError, match="Received: normalize='layer'"):
        landscape.random_direction(net, normalize="layer")
    with pytest.raises(ValueError, match=r"y has shape \(40,\)"):
        landscape.loss_slice(net, X, y.ravel(), good, [0.0])


def test_an_uncompiled_model_is_refused():
    net = nk.Sequential([nk.Dense(2), nk.Dense(1)], seed=0)
    with pytest.raises(RuntimeError, match="compile"):
        landscape.loss_at(net, *data())
