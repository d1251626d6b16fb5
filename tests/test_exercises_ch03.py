"""The chapter 03 checks accept right answers and reject wrong ones with a hint."""
import numpy as np
import pytest

import nnkit as nk
from nnkit import diagnostics as dg
from nnkit.activations import Activation
from nnkit.exercises import ch03

sig = nk.activations.sigmoid


def _words(text):
    """The checks wrap their messages to the book's width: compare word by word."""
    return " ".join(text.split())


def test_tanh_derivative(capsys):
    ch03.check_tanh_derivative(lambda z: 4 * sig(2 * z) * (1 - sig(2 * z)))
    assert "Correct" in capsys.readouterr().out
    with pytest.raises(AssertionError, match="half the answer"):
        ch03.check_tanh_derivative(lambda z: 2 * sig.derivative(2 * z))
    with pytest.raises(AssertionError, match="sigmoid'\\(z\\) itself"):
        ch03.check_tanh_derivative(sig.derivative)
    with pytest.raises(AssertionError, match="squared"):
        ch03.check_tanh_derivative(lambda z: 1 - np.tanh(z))
    with pytest.raises(AssertionError, match="keep the shape"):
        ch03.check_tanh_derivative(lambda z: 1.0)
    with pytest.raises(AssertionError, match="failed with NameError"):
        ch03.check_tanh_derivative(lambda z: undefined_name)  # noqa: F821
    with pytest.raises(TypeError, match="Received: float"):
        ch03.check_tanh_derivative(0.5)


class Softplus(Activation):
    name = "softplus"

    def __call__(self, z):
        return np.logaddexp(0, z)

    def derivative(self, z):
        return sig(z)


class NaiveSoftplus(Softplus):
    def __call__(self, z):
        with np.errstate(over="ignore"):
            return np.log(1 + np.exp(z))


class WrongDerivative(Softplus):
    def derivative(self, z):
        return sig.derivative(z)


class WrongBackward(Softplus):
    def backward(self, z, a, da):
        return da  # forgot f'(z)


class Cube(Activation):
    def __call__(self, z):
        return z ** 3

    def derivative(self, z):
        return 3 * z ** 2


def test_softplus(capsys):
    ch03.check_softplus(Softplus())
    assert "Correct" in capsys.readouterr().out
    ch03.check_softplus(NaiveSoftplus())
    assert "overflows" in capsys.readouterr().out
    with pytest.raises(AssertionError, match="which activation is that"):
        ch03.check_softplus(WrongDerivative())
    with pytest.raises(AssertionError, match="log\\(1 \\+ exp\\(z\\)\\)"):
        ch03.check_softplus(nk.activations.relu)
    with pytest.raises(TypeError):
        ch03.check_softplus(np.logaddexp)


def test_check_activation_catches_each_mistake(capsys):
    ch03.check_activation(Cube())
    assert "passes gradcheck" in _words(capsys.readouterr().out)
    with pytest.raises(AssertionError, match="finite differences"):
        ch03.check_activation(WrongDerivative())
    with pytest.raises(AssertionError, match="da \\* f'\\(z\\)"):
        ch03.check_activation(WrongBackward())
    with pytest.raises(TypeError, match="Received: 'relu'"):
        ch03.check_activation("relu")


def test_dead_fraction(capsys):
    X, y = nk.data.circle(200, seed=0)
    model, _, _ = dg.fit_mlp(X, y, "relu", depth=2, width=32, learning_rate=10.0, epochs=2)
    hidden = model.layer_outputs(X)[:-1]
    right = np.concatenate([(A == 0).all(axis=0) for A in hidden]).mean()
    ch03.check_dead_fraction(right, model, X)
    assert "Correct" in capsys.readouterr().out
    per_example = np.mean([(A == 0).mean() for A in hidden])  # zeros, not dead columns
    assert per_example != right
    with pytest.raises(AssertionError, match="every"):
        ch03.check_dead_fraction(per_example, model, X)
    with pytest.raises(ValueError, match="Received: \\[0.5\\]"):
        ch03.check_dead_fraction([0.5], model, X)


def test_sigmoid_learning_rate(capsys):
    ch03.check_sigmoid_learning_rate(2.0)
    assert "Correct" in capsys.readouterr().out
    with pytest.raises(AssertionError, match="try larger steps"):
        ch03.check_sigmoid_learning_rate(0.3)


class PerUnit(Activation):
    def __init__(self, names=("relu", "tanh")):
        self.fs = [nk.activations.get(n) for n in names]

    def _each(self, z, method):
        z = np.asarray(z, dtype=float)
        out = np.empty_like(z)
        for j in range(z.shape[-1]):
            f = self.fs[j % len(self.fs)]
            out[..., j] = getattr(f, method)(z[..., j])
        return out

    def __call__(self, z):
        return self._each(z, "__call__")

    def derivative(self, z):
        return self._each(z, "derivative")


class PerUnitWrongDerivative(PerUnit):
    def derivative(self, z):
        return nk.activations.relu.derivative(z)


def test_per_unit_activation(capsys):
    ch03.check_per_unit_activation(PerUnit())
    assert "passes gradcheck" in _words(capsys.readouterr().out)
    ch03.check_per_unit_activation(PerUnit(("sigmoid", "relu", "tanh")),
                                   names=("sigmoid", "relu", "tanh"))
    with pytest.raises(AssertionError, match="column 1 of the output should be tanh"):
        ch03.check_per_unit_activation(nk.activations.relu)
    with pytest.raises(AssertionError, match="derivative of column 1"):
        ch03.check_per_unit_activation(PerUnitWrongDerivative())
    with pytest.raises(AssertionError, match="column 0 of the output should be tanh"):
        ch03.check_per_unit_activation(PerUnit(), names=("tanh", "relu"))


def test_comparison_task_is_the_chapters():
    (X, y), (Xv, yv) = ch03.comparison_task()
    assert X.shape == Xv.shape == (300, 2) and not np.allclose(X, Xv)
