"""The chapter 04 checks accept right answers and reject wrong ones with a hint."""
import numpy as np
import pytest

import nnkit as nk
from nnkit.exercises import ch04

RIGHT_SHAPES = {"dZ2": (10, 3), "dW2": (5, 3), "db2": (3,), "dA1": (10, 5),
                "dZ1": (10, 5), "dW1": (4, 5), "db1": (5,)}


def test_shapes(capsys):
    ch04.check_shapes(RIGHT_SHAPES)
    assert "Correct" in capsys.readouterr().out
    ch04.check_shapes({k: list(v) for k, v in RIGHT_SHAPES.items()})  # lists are fine
    with pytest.raises(AssertionError, match=r"\['dW2'\] is wrong"):
        ch04.check_shapes({**RIGHT_SHAPES, "dW2": (3, 5)})  # transposed
    with pytest.raises(AssertionError, match=r"\['db2', 'db1'\] are wrong"):
        ch04.check_shapes({**RIGHT_SHAPES, "db2": (1, 3), "db1": (10, 5)})
    with pytest.raises(AssertionError, match=r"Received: db2=3"):
        ch04.check_shapes({**RIGHT_SHAPES, "db2": 3})
    missing = dict(RIGHT_SHAPES)
    del missing["dA1"]
    with pytest.raises(AssertionError, match=r"\['dA1'\]"):
        ch04.check_shapes(missing)
    with pytest.raises(TypeError, match="Received: list"):
        ch04.check_shapes(list(RIGHT_SHAPES.values()))


def test_softmax_cross_entropy(capsys):
    p = np.exp([1.0, 3.0, 0.0]) / np.exp([1.0, 3.0, 0.0]).sum()
    ch04.check_softmax_cross_entropy(p.round(3), -np.log(p[0]), p - [1, 0, 0])
    assert "Correct" in capsys.readouterr().out
    with pytest.raises(AssertionError, match="do not sum to 1"):
        ch04.check_softmax_cross_entropy(np.exp([1.0, 3.0, 0.0]), 2.17, p - [1, 0, 0])
    with pytest.raises(AssertionError, match="are not the softmax probabilities"):
        ch04.check_softmax_cross_entropy([1 / 3, 1 / 3, 1 / 3], 2.17, p - [1, 0, 0])
    with pytest.raises(AssertionError, match="the loss .* is not"):
        ch04.check_softmax_cross_entropy(p, -np.log(p[1]), p - [1, 0, 0])  # wrong class
    with pytest.raises(AssertionError, match="y_hat - y"):
        ch04.check_softmax_cross_entropy(p, -np.log(p[0]), [1, 0, 0] - p)  # sign flipped
    with pytest.raises(ValueError, match=r"Received: shape \(2,\)"):
        ch04.check_softmax_cross_entropy(p[:2], 2.17, p)


def tanh_answer():
    ex = ch04.WORKED_EXAMPLE
    z1 = ex["x"] @ ex["W1"] + ex["b1"]
    a1 = np.tanh(z1)
    y_hat = nk.activations.sigmoid(a1 @ ex["W2"] + ex["b2"])
    dz2 = y_hat - ex["y"]
    dz1 = (dz2 @ ex["W2"].T) * (1 - a1 ** 2)
    return [ex["x"].T @ dz1, dz1.sum(0), a1.T @ dz2, dz2.sum(0)], a1, dz2


def test_worked_example_grads(capsys):
    grads, a1, dz2 = tanh_answer()
    ch04.check_worked_example_grads(grads, "tanh")
    assert "Correct: with tanh" in capsys.readouterr().out
    # sigmoid's derivative where tanh's belongs: the first layer is off, the second right
    ex = ch04.WORKED_EXAMPLE
    dz1 = (dz2 @ ex["W2"].T) * a1 * (1 - a1)
    with pytest.raises(AssertionError, match="dW1 .* is off. dz1 = da1"):
        ch04.check_worked_example_grads([ex["x"].T @ dz1, dz1.sum(0)] + grads[2:], "tanh")
    with pytest.raises(AssertionError, match="dW2 .* is off"):
        ch04.check_worked_example_grads(grads[:2] + [2 * grads[2], grads[3]], "tanh")
    with pytest.raises(AssertionError, match=r"dW2 has shape \(1, 2\)"):
        ch04.check_worked_example_grads(grads[:2] + [grads[2].T, grads[3]], "tanh")
    with pytest.raises(ValueError, match="Received: list of length 3"):
        ch04.check_worked_example_grads(grads[:3], "tanh")
    # the tanh answer is not the sigmoid one
    with pytest.raises(AssertionError):
        ch04.check_worked_example_grads(grads, "sigmoid")


def softmax_mse_grad(z, y):
    a = nk.activations.softmax(z)
    g = 2 * (a - y) / y.size
    return a * (g - np.sum(g * a, axis=1, keepdims=True))


def test_softmax_mse_gradient(capsys):
    ch04.check_softmax_mse_gradient(softmax_mse_grad)
    out = " ".join(capsys.readouterr().out.split())  # the message is wrapped
    assert "Correct" in out and "cross-entropy -0.9966" in out
    with pytest.raises(AssertionError, match="right direction times 3"):
        ch04.check_softmax_mse_gradient(lambda z, y: 3 * softmax_mse_grad(z, y))
    with pytest.raises(AssertionError, match="softmax Jacobian"):
        ch04.check_softmax_mse_gradient(  # forgets the softmax: dL/dy_hat only
            lambda z, y: 2 * (nk.activations.softmax(z) - y) / y.size)
    with pytest.raises(AssertionError, match="softmax Jacobian"):
        ch04.check_softmax_mse_gradient(lambda z, y: np.zeros_like(z))
    with pytest.raises(AssertionError, match=r"returned shape \(5,\)"):
        ch04.check_softmax_mse_gradient(lambda z, y: softmax_mse_grad(z, y).sum(axis=1))


def test_worked_example_model_has_the_chapter_weights():
    model = ch04.worked_example_model()
    W1, b1, W2, b2 = model.get_weights()
    np.testing.assert_array_equal(W1, [[0.5, -0.3], [0.2, 0.8]])
    np.testing.assert_array_equal(b2, [0.1])
    assert model.loss.name == "binary_crossentropy"
