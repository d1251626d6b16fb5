"""gradcheck must catch a wrong backward pass, not only pass a right one."""
import numpy as np
import pytest

import nnkit as nk
from nnkit.gradcheck import numerical_gradient, relative_error


def model_and_data():
    X, y = nk.data.circle(10, seed=0)
    model = nk.Sequential([nk.Dense(3, activation="tanh"), nk.Dense(1, activation="sigmoid")],
                          seed=0)
    model.compile(loss="binary_crossentropy")
    return model, X, y


def test_correct_backward_passes():
    model, X, y = model_and_data()
    errors = nk.gradcheck(model, X, y, return_all=True)
    assert len(errors) == 4 and max(errors) < 1e-7


def test_a_wrong_derivative_is_caught(monkeypatch):
    model, X, y = model_and_data()
    # A classic slip: tanh'(z) written as 1 - tanh(z) instead of 1 - tanh(z)**2.
    monkeypatch.setattr(type(nk.activations.tanh), "derivative", lambda self, z: 1 - np.tanh(z))
    assert nk.gradcheck(model, X, y) > 1e-2


def test_numerical_gradient_of_a_quadratic_and_restores_x():
    x = np.array([1.0, -2.0, 3.0])
    g = numerical_gradient(lambda: float(np.sum(x ** 2)), x)
    np.testing.assert_allclose(g, 2 * np.array([1.0, -2.0, 3.0]), atol=1e-8)
    np.testing.assert_array_equal(x, [1.0, -2.0, 3.0])


def test_relative_error_scale():
    assert relative_error(np.ones(3), np.ones(3)) == 0
    assert relative_error(np.ones(3), -np.ones(3)) == pytest.approx(1.0)
    assert relative_error(np.zeros(2), np.zeros(2)) == 0


def test_gradcheck_needs_a_compiled_model():
    X, y = nk.data.circle(10)
    with pytest.raises(RuntimeError, match="compile"):
        nk.gradcheck(nk.Sequential([nk.Dense(1)]), X, y)
