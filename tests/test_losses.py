"""Every loss's gradient against central differences, and the fused gradients."""
import numpy as np
import pytest

from nnkit import activations, losses
from nnkit.gradcheck import numerical_gradient, relative_error

rng = np.random.default_rng(0)
Y_REG = rng.normal(size=(6, 2))
P = activations.softmax(rng.normal(size=(6, 3)))              # rows of probabilities
Y_ONEHOT = np.eye(3)[[0, 2, 1, 1, 0, 2]]
P_BIN = activations.sigmoid(rng.normal(size=(6, 1)))
Y_BIN = np.array([[0, 1, 1, 0, 1, 0]], dtype=float).T

CASES = [("mse", Y_REG, rng.normal(size=(6, 2))), ("rss", Y_REG, rng.normal(size=(6, 2))),
         ("rmse", Y_REG, rng.normal(size=(6, 2))), ("binary_crossentropy", Y_BIN, P_BIN),
         ("categorical_crossentropy", Y_ONEHOT, P)]


@pytest.mark.parametrize("name,y,y_hat", CASES, ids=[c[0] for c in CASES])
def test_gradient_matches_central_differences(name, y, y_hat):
    loss = losses.get(name)
    y_hat = y_hat.copy()
    numeric = numerical_gradient(lambda: loss(y, y_hat), y_hat)
    assert relative_error(loss.gradient(y, y_hat), numeric) < 1e-6


@pytest.mark.parametrize("name,act", [("binary_crossentropy", "sigmoid"),
                                      ("categorical_crossentropy", "softmax")])
def test_fused_gradient_is_the_chain_rule_through_the_output_activation(name, act):
    loss, f = losses.get(name), activations.get(act)
    k = 1 if act == "sigmoid" else 3
    z = rng.normal(size=(6, k))
    y = Y_BIN if k == 1 else Y_ONEHOT
    numeric = numerical_gradient(lambda: loss(y, f(z)), z)
    assert relative_error(loss.fused_gradient(y, f(z)), numeric) < 1e-6
    assert loss.fuses_with == act


def test_values_on_a_hand_computed_example():
    y, y_hat = np.array([[1.0], [3.0]]), np.array([[2.0], [1.0]])
    assert losses.mse(y, y_hat) == pytest.approx(2.5)      # (1 + 4) / 2
    assert losses.rss(y, y_hat) == pytest.approx(5.0)
    assert losses.rmse(y, y_hat) == pytest.approx(np.sqrt(2.5))
    assert losses.binary_crossentropy(np.array([[1.0]]), np.array([[0.5]])) == pytest.approx(np.log(2))
    assert losses.categorical_crossentropy(np.array([[0, 1.0]]), np.array([[0.75, 0.25]])) \
        == pytest.approx(np.log(4))


def test_cross_entropy_is_finite_for_certain_wrong_answers():
    assert np.isfinite(losses.binary_crossentropy(np.array([[1.0]]), np.array([[0.0]])))
    assert np.isfinite(losses.categorical_crossentropy(np.array([[1.0, 0]]), np.array([[0.0, 1]])))


@pytest.mark.parametrize("bad", ["mae", "crossentropy", None])
def test_unknown_loss_names_the_received_value(bad):
    with pytest.raises(ValueError, match="Unknown loss") as err:
        losses.get(bad)
    assert repr(bad) in str(err.value) and "mse" in str(err.value)
