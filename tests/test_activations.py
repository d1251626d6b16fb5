"""Every activation's derivative and backward pass against central differences."""
import numpy as np
import pytest

from nnkit import activations
from nnkit.gradcheck import numerical_gradient, relative_error

Z = np.linspace(-3, 3, 13).reshape(-1, 1) + np.array([[0.013, -0.027]])  # avoids z = 0 kinks
SMOOTH = ["linear", "sigmoid", "tanh", "relu", "leaky_relu"]


@pytest.mark.parametrize("name", SMOOTH)
def test_derivative_matches_central_differences(name):
    f = activations.get(name)
    z = Z.copy()
    numeric = numerical_gradient(lambda: float(np.sum(f(z))), z)
    assert relative_error(f.derivative(Z), numeric) < 1e-6


@pytest.mark.parametrize("name", SMOOTH + ["softmax"])
def test_backward_is_the_vector_jacobian_product(name):
    f = activations.get(name)
    rng = np.random.default_rng(0)
    da = rng.normal(size=Z.shape)  # any upstream gradient
    z = Z.copy()
    numeric = numerical_gradient(lambda: float(np.sum(da * f(z))), z)
    assert relative_error(f.backward(Z, f(Z), da), numeric) < 1e-6


def test_softmax_rows_are_probabilities_even_for_huge_scores():
    a = activations.softmax(np.array([[1000.0, 0.0, -1000.0], [1.0, 1.0, 1.0]]))
    np.testing.assert_allclose(a.sum(axis=1), 1.0)
    np.testing.assert_allclose(a[1], 1 / 3)
    assert a[0, 0] == pytest.approx(1.0)


def test_softmax_jacobian_matches_backward():
    f = activations.softmax
    z = np.array([[0.3, -1.2, 2.0]])
    da = np.array([[1.0, -2.0, 0.5]])
    np.testing.assert_allclose(da[0] @ f.derivative(z)[0], f.backward(z, f(z), da)[0])


def test_sigmoid_is_stable_and_its_slope_is_at_most_a_quarter():
    s = activations.sigmoid
    assert s(np.array([-1000.0]))[0] == 0.0 and s(np.array([1000.0]))[0] == 1.0
    z = np.linspace(-10, 10, 2001)
    assert s.derivative(z).max() == pytest.approx(0.25)


def test_sign_and_step_have_no_gradient_and_fire_at_zero():
    z = np.array([-2.0, 0.0, 3.0])
    np.testing.assert_array_equal(activations.sign(z), [-1, 1, 1])
    np.testing.assert_array_equal(activations.step(z), [0, 1, 1])
    assert not activations.sign.derivative(z).any()


def test_relu_derivative_at_zero_is_zero_like_keras():
    assert activations.relu.derivative(np.array([0.0]))[0] == 0.0


def test_lookup_by_name_alias_and_none():
    assert activations.get("relu") is activations.relu
    assert activations.get(None) is activations.linear
    assert activations.get("signum") is activations.sign
    assert activations.get(activations.tanh) is activations.tanh


@pytest.mark.parametrize("bad", ["rleu", "", 3, "ReLU "])
def test_unknown_activation_names_the_received_value(bad):
    with pytest.raises(ValueError, match="Unknown activation") as err:
        activations.get(bad)
    assert repr(bad) in str(err.value) and "relu" in str(err.value)


def test_leaky_relu_rejects_bad_alpha():
    with pytest.raises(ValueError, match="alpha=1.5"):
        activations.LeakyReLU(1.5)
