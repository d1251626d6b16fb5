"""The chapter 05 checks accept right answers and reject wrong ones with a hint."""
import os

import numpy as np
import pytest

import nnkit as nk
from nnkit.exercises import ch05


def test_update_count(capsys):
    ch05.check_update_count({1: 20000, 32: 800, 64: 400, 100: 200})
    assert "batch size 32: 800 updates" in capsys.readouterr().out
    with pytest.raises(AssertionError, match="batch size 32 you said 625.*still one update"):
        ch05.check_update_count({32: 625})          # 20000 / 32, forgetting the last batch
    with pytest.raises(AssertionError, match="n / batch_size batches"):
        ch05.check_update_count({100: 20000})
    with pytest.raises(TypeError, match="Received: list"):
        ch05.check_update_count([800])


def _epoch(in_place=True, weighted=True, update=True):
    def train_epoch(model, X, y, order, batch_size, learning_rate):
        losses, sizes = [], []
        for start in range(0, len(X), batch_size):
            idx = order[start:start + batch_size]
            y_hat = model.forward(X[idx])
            losses.append(model.loss(y[idx], y_hat))
            sizes.append(len(idx))
            model.backward(y[idx], y_hat)
            for w, dw in zip(model.params, model.grads):
                if not update:
                    continue
                if in_place:
                    w -= learning_rate * dw
                else:
                    w = w - learning_rate * dw  # noqa: F841  (a new array: the model never sees it)
        return np.average(losses, weights=sizes) if weighted else np.mean(losses)
    return train_epoch


def test_epoch_loop(capsys):
    ch05.check_epoch_loop(_epoch())
    assert "Correct" in capsys.readouterr().out
    with pytest.raises(AssertionError, match="weights differ from fit's"):
        ch05.check_epoch_loop(_epoch(in_place=False))
    with pytest.raises(AssertionError, match="plain mean of the batch losses"):
        ch05.check_epoch_loop(_epoch(weighted=False))
    with pytest.raises(AssertionError, match="weights differ"):
        ch05.check_epoch_loop(lambda model, X, y, order, b, lr: 0.0)
    with pytest.raises(TypeError, match="Received: int"):
        ch05.check_epoch_loop(3)


def test_critical_learning_rate(capsys):
    X, y = ch05.chapter_data()
    X1 = np.hstack([X, np.ones_like(X)])
    lam = np.linalg.eigvalsh(2 / len(X) * X1.T @ X1).max()
    ch05.check_critical_learning_rate(2 / lam)
    out = capsys.readouterr().out
    assert "Correct" in out and "at 1.05 x" in out
    grows = float(out.split("at 1.05 x: loss ")[1].split(" -> ")[1].rstrip(".\n"))
    assert grows > 1e6  # just above the threshold the loss explodes
    with pytest.raises(AssertionError, match="1 / lambda_max"):
        ch05.check_critical_learning_rate(1 / lam)
    with pytest.raises(AssertionError, match="factor 2"):
        ch05.check_critical_learning_rate(4 / lam)
    with pytest.raises(AssertionError, match="not the threshold"):
        ch05.check_critical_learning_rate(1.03 * 2 / lam)
    with pytest.raises(TypeError, match="Received: 'fast'"):
        ch05.check_critical_learning_rate("fast")


class Huber(nk.losses.Loss):
    name = "huber"

    def __init__(self, delta=1.0, bug=None):
        self.delta, self.bug = delta, bug

    def __call__(self, y, y_hat):
        e = np.abs(y_hat - y)
        per = np.where(e <= self.delta, 0.5 * e ** 2, self.delta * (e - 0.5 * self.delta))
        return float(np.sum(per) if self.bug == "sum" else np.mean(per))

    def gradient(self, y, y_hat):
        e = y_hat - y
        if self.bug == "mse_gradient":
            return e / y.size
        if self.bug == "shape":
            return np.clip(e, -1, 1).ravel() / y.size
        return np.clip(e, -self.delta, self.delta) / y.size


def test_huber(capsys):
    ch05.check_huber(Huber())
    assert "passes gradcheck" in capsys.readouterr().out
    with pytest.raises(AssertionError, match="Average over all entries"):
        ch05.check_huber(Huber(bug="sum"))
    with pytest.raises(AssertionError, match="delta \\* sign\\(e\\)"):
        ch05.check_huber(Huber(bug="mse_gradient"))
    with pytest.raises(AssertionError, match="shape of y_hat"):
        ch05.check_huber(Huber(bug="shape"))
    with pytest.raises(TypeError, match="Received: 'huber'"):
        ch05.check_huber("huber")


def test_minibatch_twins(capsys):
    curve = list(np.geomspace(0.1, 0.01, 20))
    ch05.check_minibatch_twins(curve, [c * (1 + 1e-7) for c in curve])
    assert "Correct" in capsys.readouterr().out
    with pytest.raises(AssertionError, match="shuffle=False"):
        ch05.check_minibatch_twins(curve, [c * 1.01 for c in curve])
    with pytest.raises(AssertionError, match="Received: 20 and 19 epochs"):
        ch05.check_minibatch_twins(curve, curve[1:])


def test_minibatch_twins_with_keras_and_shuffle_off():
    os.environ.setdefault("KERAS_BACKEND", "jax")
    keras = pytest.importorskip("keras")
    X, y = ch05.chapter_data()
    net = ch05.chapter_net(seed=0)
    net.build(1)
    kmodel = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(8, activation="relu"),
                               keras.layers.Dense(1)])
    kmodel.set_weights(net.get_weights())
    kmodel.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="mse")
    ours = net.fit(X, y, epochs=5, batch_size=32, shuffle=False)
    theirs = kmodel.fit(X, y, epochs=5, batch_size=32, shuffle=False, verbose=0)
    ch05.check_minibatch_twins(ours, theirs)
