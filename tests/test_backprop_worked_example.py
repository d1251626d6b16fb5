"""The backpropagation of chapter 04: the matrix formulas, the worked example's numbers,
and agreement of nnkit's backward pass with the formulas, finite differences and JAX."""
import numpy as np
import pytest

import nnkit as nk
from nnkit.exercises.ch04 import WORKED_EXAMPLE, worked_example_model


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def by_hand(ex=WORKED_EXAMPLE):
    """The worked example in numpy, one equation of the chapter per line."""
    x, y, W1, b1, W2, b2 = (ex[k] for k in ("x", "y", "W1", "b1", "W2", "b2"))
    z1 = x @ W1 + b1
    a1 = sigmoid(z1)
    z2 = a1 @ W2 + b2
    y_hat = sigmoid(z2)
    L = float(-np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)))
    dz2 = (y_hat - y) / len(x)
    dW2, db2 = a1.T @ dz2, dz2.sum(axis=0)
    da1 = dz2 @ W2.T
    dz1 = da1 * a1 * (1 - a1)
    dW1, db1 = x.T @ dz1, dz1.sum(axis=0)
    return {"z1": z1, "a1": a1, "z2": z2, "y_hat": y_hat, "L": L,
            "grads": [dW1, db1, dW2, db2]}


def test_worked_example_numbers_are_the_ones_the_chapter_prints():
    r = by_hand()
    np.testing.assert_allclose(r["z1"], [[0.7, 0.3]], atol=1e-12)
    np.testing.assert_allclose(r["a1"], [[0.668188, 0.574443]], atol=1e-6)
    np.testing.assert_allclose(r["z2"], [[0.557160]], atol=1e-6)
    np.testing.assert_allclose(r["y_hat"], [[0.635795]], atol=1e-6)
    assert r["L"] == pytest.approx(0.452879, abs=1e-6)
    dW1, db1, dW2, db2 = r["grads"]
    np.testing.assert_allclose(db2, [-0.364205], atol=1e-6)
    np.testing.assert_allclose(dW2, [[-0.243357], [-0.209215]], atol=1e-6)
    np.testing.assert_allclose(db1, [-0.096899, 0.053420], atol=1e-6)
    np.testing.assert_allclose(dW1, [[-0.096899, 0.053420], [-0.048449, 0.026710]], atol=1e-6)


def test_nnkit_backward_equals_the_formulas_and_finite_differences():
    model = worked_example_model()
    x, y = WORKED_EXAMPLE["x"], WORKED_EXAMPLE["y"]
    y_hat = model.forward(x)
    assert model.compute_loss(y, y_hat) == pytest.approx(by_hand()["L"], abs=1e-12)
    model.backward(y, y_hat)
    for ours, hand in zip(model.grads, by_hand()["grads"]):
        np.testing.assert_allclose(ours, hand, atol=1e-12)

    def loss():
        return model.compute_loss(y, model.forward(x))

    for p, g in zip(model.params, [gr.copy() for gr in model.grads]):
        assert np.max(np.abs(nk.numerical_gradient(loss, p) - g)) < 1e-9
    assert nk.gradcheck(model, x, y) < 1e-8


def test_jax_autodiff_agrees_with_nnkit():
    jax = pytest.importorskip("jax")
    import jax.numpy as jnp

    def loss_fn(params, x, y):
        W1, b1, W2, b2 = params
        a1 = jax.nn.sigmoid(x @ W1 + b1)
        y_hat = jax.nn.sigmoid(a1 @ W2 + b2)
        return -jnp.mean(y * jnp.log(y_hat) + (1 - y) * jnp.log(1 - y_hat))

    model = worked_example_model()
    x, y = WORKED_EXAMPLE["x"], WORKED_EXAMPLE["y"]
    model.backward(y, model.forward(x))
    with jax.enable_x64(True):
        params = [jnp.asarray(w) for w in model.get_weights()]
        grads = jax.grad(loss_fn)(params, jnp.asarray(x), jnp.asarray(y))
        assert grads[0].dtype == jnp.float64
        for ours, theirs in zip(model.grads, grads):
            np.testing.assert_allclose(ours, np.asarray(theirs), atol=1e-12)


@pytest.mark.parametrize("hidden", ["tanh", "relu", "sigmoid"])
def test_matrix_form_of_a_two_layer_softmax_network(hidden):
    """dZ2 = (Y_hat - Y) / n, dW2 = A1^T dZ2, db2 = 1^T dZ2, dA1 = dZ2 W2^T,
    dZ1 = dA1 * f'(Z1), dW1 = X^T dZ1, db1 = 1^T dZ1, with every shape."""
    n, d, h, k = 7, 3, 4, 3
    rng = np.random.default_rng(2)
    X = rng.normal(size=(n, d))
    Y = nk.data.one_hot(rng.integers(0, k, n), k)
    model = nk.Sequential([nk.Dense(h, activation=hidden),
                           nk.Dense(k, activation="softmax")], seed=3)
    model.build(d)
    model.compile(loss="categorical_crossentropy")
    W1, b1, W2, b2 = model.get_weights()
    f = nk.activations.get(hidden)
    Z1 = X @ W1 + b1
    A1 = f(Z1)
    Y_hat = nk.activations.softmax(A1 @ W2 + b2)
    dZ2 = (Y_hat - Y) / n
    dW2, db2 = A1.T @ dZ2, dZ2.sum(axis=0)
    dA1 = dZ2 @ W2.T
    dZ1 = dA1 * f.derivative(Z1)
    dW1, db1 = X.T @ dZ1, dZ1.sum(axis=0)
    shapes = [(d, h), (h,), (h, k), (k,)]
    model.backward(Y, model.forward(X))
    for ours, formula, shape in zip(model.grads, [dW1, db1, dW2, db2], shapes):
        assert ours.shape == formula.shape == shape
        np.testing.assert_allclose(ours, formula, atol=1e-12)
    assert nk.gradcheck(model, X, Y) < 1e-6


def test_softmax_cross_entropy_gradient_is_y_hat_minus_y():
    rng = np.random.default_rng(5)
    Z = rng.normal(0, 2, size=(6, 4))
    Y = nk.data.one_hot(rng.integers(0, 4, 6), 4)
    A = nk.activations.softmax(Z)
    chained = nk.activations.softmax.backward(
        Z, A, nk.losses.categorical_crossentropy.gradient(Y, A))
    np.testing.assert_allclose(chained, (A - Y) / 6, atol=1e-14)
    np.testing.assert_allclose(nk.losses.categorical_crossentropy.fused_gradient(Y, A),
                               (A - Y) / 6, atol=1e-14)
