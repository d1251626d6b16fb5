"""Dense: forward shapes, Keras's weight layout, and backward against central differences."""
import numpy as np
import pytest

import nnkit as nk
from nnkit.gradcheck import numerical_gradient, relative_error

rng = np.random.default_rng(1)
X = rng.normal(size=(5, 3))


def built_dense(**kwargs):
    layer = nk.Dense(4, **kwargs)
    layer.build(3, np.random.default_rng(0))
    return layer


def test_shapes_follow_keras_layout():
    layer = built_dense(activation="tanh")
    assert layer.W.shape == (3, 4) and layer.b.shape == (4,)
    assert layer.forward(X).shape == (5, 4)
    W, b = layer.get_weights()
    np.testing.assert_array_equal(W, layer.W)


@pytest.mark.parametrize("activation", ["linear", "sigmoid", "tanh", "relu", "leaky_relu",
                                        "softmax"])
@pytest.mark.parametrize("use_bias", [True, False])
def test_backward_matches_central_differences(activation, use_bias):
    layer = built_dense(activation=activation, use_bias=use_bias)
    upstream = rng.normal(size=(5, 4))  # L = sum(upstream * a): any dL/da
    x = X.copy()

    def loss():
        return float(np.sum(upstream * layer.forward(x)))

    layer.forward(x)
    da_prev = layer.backward(upstream)
    assert relative_error(da_prev, numerical_gradient(loss, x)) < 1e-6
    for p, g in zip(layer.params, layer.grads):
        assert g.shape == p.shape
        assert relative_error(g, numerical_gradient(loss, p)) < 1e-6


def test_regularized_kernel_gradient_includes_the_penalty():
    layer = built_dense(activation="tanh", kernel_regularizer=nk.L1L2(l1=0.01, l2=0.1))
    upstream = rng.normal(size=(5, 4))

    def loss():
        return float(np.sum(upstream * layer.forward(X))) + layer.penalty()

    layer.forward(X)
    layer.backward(upstream)
    assert relative_error(layer.grads[0], numerical_gradient(loss, layer.W)) < 1e-6


def test_set_weights_checks_shapes_and_keeps_arrays_in_place():
    layer = built_dense()
    W = layer.W
    layer.set_weights([np.ones((3, 4)), np.zeros(4)])
    assert layer.W is W and W.sum() == 12
    with pytest.raises(ValueError, match=r"\(3, 4\).*Received: shape \(4, 3\)"):
        layer.set_weights([np.ones((4, 3)), np.zeros(4)])
    with pytest.raises(ValueError, match="Received: 1 arrays"):
        layer.set_weights([np.ones((3, 4))])


@pytest.mark.parametrize("units", [0, -1, 2.5, "4", True])
def test_units_must_be_a_positive_integer(units):
    with pytest.raises(ValueError, match=f"Received: units={units!r}"):
        nk.Dense(units)


def test_unknown_initializer_and_regularizer_are_named():
    with pytest.raises(ValueError, match="'glorot'"):
        nk.Dense(2, kernel_initializer="glorot")
    with pytest.raises(ValueError, match="'l3'"):
        nk.Dense(2, kernel_regularizer="l3")
