"""Checks for the exercises of chapter 05 (training in practice)."""
import numpy as np

from .. import data, losses
from ..gradcheck import gradcheck, numerical_gradient, relative_error
from ..layers import Dense
from ..models import Sequential
from ..optimizers import SGD


def chapter_data():
    """The chapter's data: y = x^3 - x/2 plus noise (std 0.05), 100 points in [-1, 1]."""
    return data.regression_1d("cubic", n=100, noise=0.05, seed=0)


def chapter_net(seed=0, hidden=8, learning_rate=0.1):
    """The chapter's network, Dense(hidden, relu) -> Dense(1), with SGD and MSE."""
    net = Sequential([Dense(hidden, activation="relu"), Dense(1)], seed=seed)
    net.compile(optimizer=SGD(learning_rate=learning_rate), loss="mse")
    return net


def check_update_count(counts, n=100, epochs=200):
    """Your number of weight updates that ``fit(X, y, epochs=200, batch_size=b)`` makes on
    n = 100 examples, as a dict {batch_size: updates}. Counted by running fit."""
    if not isinstance(counts, dict) or not counts:
        raise TypeError("counts must be a dict such as {1: ..., 32: ..., 100: ...}. "
                        f"Received: {type(counts).__name__}.")
    X, y = np.zeros((n, 1)), np.zeros((n, 1))
    right = {}
    for batch_size in counts:
        net = chapter_net()
        net.fit(X, y, epochs=epochs, batch_size=batch_size)
        right[batch_size] = net.optimizer.iterations
    wrong = {b: c for b, c in counts.items() if c != right[b]}
    if wrong:
        b = next(iter(wrong))
        hint = (" The last batch of an epoch may be smaller than the others, but it is "
                "still one update." if n % b else " One update per batch, and every "
                "epoch has n / batch_size batches.")
        raise AssertionError(f"Not yet: for batch size {b} you said {wrong[b]} updates in "
                             f"{epochs} epochs.{hint}")
    print("Correct: " + ", ".join(f"batch size {b}: {right[b]} updates" for b in counts) +
          f" (ceil({n} / batch size) per epoch, times {epochs}).")


def check_epoch_loop(train_epoch, batch_size=32, learning_rate=0.1, seed=0):
    """Your ``train_epoch(model, X, y, order, batch_size, learning_rate)``: one epoch of
    mini-batch SGD over the examples in the order ``order``, returning the epoch's loss
    as Keras and nnkit record it (the mean of the batch losses, weighted by batch size).
    Compared with ``model.fit`` for three epochs on the chapter's data."""
    if not callable(train_epoch):
        raise TypeError(f"Pass your function itself. Received: {type(train_epoch).__name__}.")
    X, y = chapter_data()
    yours = chapter_net(seed, learning_rate=learning_rate)
    reference = chapter_net(seed, learning_rate=learning_rate)
    yours.build(1)
    reference.build(1)
    for epoch in range(3):
        order = yours.rng.permutation(len(X))  # the order fit draws for the reference
        start_weights = yours.get_weights()
        loss = train_epoch(yours, X, y, order, batch_size, learning_rate)
        expected = reference.fit(X, y, epochs=1, batch_size=batch_size).history["loss"][0]
        gap = max(np.max(np.abs(a - b)) for a, b in zip(yours.get_weights(),
                                                        reference.get_weights()))
        if gap > 1e-9:
            raise AssertionError(
                f"Not yet: after epoch {epoch + 1} your weights differ from fit's by up to "
                f"{gap:.2g}. Each batch needs forward, loss, backward, then w -= lr * dw for "
                "every pair in zip(model.params, model.grads), in place, in the given order.")
        if loss is None or not np.isclose(float(loss), expected, rtol=1e-9, atol=0):
            batch_losses = _batch_losses(start_weights, X, y, order, batch_size, learning_rate)
            hint = ""
            if loss is not None and np.isclose(float(loss), np.mean(batch_losses), rtol=1e-9):
                hint = (" That is the plain mean of the batch losses; the last batch is "
                        "smaller, so weight each batch's loss by its size.")
            raise AssertionError(f"The weights are right, but epoch {epoch + 1}'s loss is "
                                 f"{loss!r}; fit records {expected:.6f}.{hint} Return "
                                 "sum(batch loss x batch size) / n.")
    print(f"Correct: three epochs of your loop give fit's weights and fit's losses "
          f"(last epoch {expected:.4f}).")


def _batch_losses(weights, X, y, order, batch_size, learning_rate):
    """The loss of every batch of one epoch from ``weights`` (for the hints)."""
    net = chapter_net(learning_rate=learning_rate)
    net.build(X.shape[1])
    net.set_weights(weights)
    return [net.train_on_batch(X[idx], y[idx])[0]
            for idx in (order[i:i + batch_size] for i in range(0, len(X), batch_size))]


def check_critical_learning_rate(learning_rate):
    """Your largest stable learning rate for full-batch gradient descent on the linear
    model ``Dense(1)`` with MSE on the chapter's data. Accepted within 1%; then shown
    by training just below and just above it."""
    X, y = chapter_data()
    Xt = np.hstack([X, np.ones((len(X), 1))])
    hessian = 2.0 / len(X) * Xt.T @ Xt
    right = 2.0 / np.linalg.eigvalsh(hessian).max()
    if (isinstance(learning_rate, bool) or not isinstance(learning_rate, (int, float, np.number))
            or not np.isfinite(learning_rate)):
        raise TypeError(f"learning_rate must be a number. Received: {learning_rate!r}")
    if abs(learning_rate - right) > 0.01 * right:
        hint = ""
        if np.isclose(learning_rate, 1.0 / np.linalg.eigvalsh(hessian).max(), rtol=0.01):
            hint = " You have 1 / lambda_max: a step may overshoot the minimum, as long as " \
                   "it lands less than as far on the other side. Where is |1 - lr lambda| = 1?"
        elif np.isclose(learning_rate, 2.0 / np.linalg.eigvalsh(Xt.T @ Xt / len(X)).max(), rtol=0.01):
            hint = " The MSE's Hessian has a factor 2: d^2/dw^2 of mean((Xw - y)^2) is (2/n) X^T X."
        raise AssertionError(f"Not yet: {learning_rate:.4g} is not the threshold.{hint}")
    outcome = []
    for factor in (0.95, 1.05):
        net = Sequential([Dense(1)], seed=0)
        net.compile(optimizer=SGD(learning_rate=factor * right), loss="mse")
        loss = net.fit(X, y, epochs=300, batch_size=len(X)).history["loss"]
        outcome.append(f"at {factor} x: loss {loss[0]:.3g} -> {loss[-1]:.3g}")
    print(f"Correct: lr_max = 2 / lambda_max = {right:.4f}. Over 300 epochs " +
          "; ".join(outcome) + ".")


def check_huber(loss, delta=1.0):
    """Your Huber loss (an ``nnkit.losses.Loss``): mean over all entries of
    e^2 / 2 where |e| <= delta and delta (|e| - delta / 2) elsewhere, e = y_hat - y, as
    ``keras.losses.Huber``. Its value must match, its ``gradient`` must match finite
    differences, and a network trained with it must pass ``nnkit.gradcheck``."""
    if not isinstance(loss, losses.Loss):
        raise TypeError("Pass an instance of your subclass of nnkit.losses.Loss. "
                        f"Received: {loss!r} of type {type(loss).__name__}.")
    rng = np.random.default_rng(0)
    y = rng.normal(size=(12, 2))
    y_hat = y + rng.uniform(-3, 3, size=y.shape)  # both sides of delta
    e = y_hat - y
    value = np.mean(np.where(np.abs(e) <= delta, 0.5 * e ** 2, delta * (np.abs(e) - 0.5 * delta)))
    mine = float(loss(y, y_hat))
    if not np.isclose(mine, value, rtol=1e-9):
        raise AssertionError(f"Not yet: your loss gives {mine:.6f} where the Huber loss is "
                             f"{value:.6f}. Average over all entries, y.size.")
    grad = np.asarray(loss.gradient(y, y_hat), dtype=float)
    if grad.shape != y_hat.shape:
        raise AssertionError(f"gradient must have the shape of y_hat, {y_hat.shape}. "
                             f"Received: {grad.shape}.")
    numeric = numerical_gradient(lambda: loss(y, y_hat), y_hat)
    err = relative_error(grad, numeric)
    if err > 1e-6:
        raise AssertionError(f"Not yet: your gradient is off from finite differences by a "
                             f"relative {err:.2g}. Inside |e| <= delta the derivative of e^2/2 "
                             "is e; outside it is delta * sign(e); and the mean divides by y.size.")
    X, y1 = chapter_data()
    net = Sequential([Dense(4, activation="tanh"), Dense(1)], seed=0)
    net.compile(optimizer=SGD(learning_rate=0.1), loss=loss)
    model_err = gradcheck(net, X[:20], 3 * y1[:20] + 1)  # some errors beyond delta
    if model_err > 1e-6:
        raise AssertionError(f"The loss alone is right, but a network using it fails "
                             f"gradcheck ({model_err:.2g}): does gradient handle (n, 1) arrays?")
    print(f"Correct: your Huber loss matches the formula, its gradient matches finite "
          f"differences (relative error {err:.0e}), and a network using it passes "
          f"gradcheck ({model_err:.0e}).")


def check_minibatch_twins(ours, theirs, tolerance=1e-5):
    """Your two loss histories (nnkit and Keras, lists or Histories) trained from the
    same weights with the same mini-batches: they must agree to ``tolerance`` (relative),
    epoch by epoch."""
    a = np.asarray(getattr(ours, "history", {"loss": ours})["loss"], dtype=float)
    b = np.asarray(getattr(theirs, "history", {"loss": theirs})["loss"], dtype=float)
    if a.shape != b.shape or a.size < 2:
        raise AssertionError(f"Train both for the same number of epochs (at least 2). "
                             f"Received: {a.size} and {b.size} epochs.")
    gap = float(np.max(np.abs(a - b) / np.abs(a)))
    if gap > tolerance:
        raise AssertionError(f"Not yet: the curves differ by up to {gap:.2g} (relative). Do "
                             "both see the same batches in the same order? Pass shuffle=False "
                             "to both fits, and the same batch_size.")
    print(f"Correct: the two curves agree to {max(gap, 1e-12):.0e} (relative) over "
          f"{a.size} epochs of mini-batch SGD.")
