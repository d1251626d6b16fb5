"""Checks for the exercises of chapter 03 (activation functions compared)."""
import textwrap

import numpy as np

from .. import activations, data
from ..diagnostics import compare_activations, dead_units
from ..gradcheck import gradcheck, numerical_gradient
from ..layers import Dense
from ..models import DivergenceError, Sequential
from ..optimizers import SGD

_Z = np.linspace(-4, 4, 81)


def _say(message):
    """Print a check's verdict wrapped to the width of a solution box in the HTML book
    (a long line there scrolls sideways)."""
    print(textwrap.fill(message, width=68, break_long_words=False, break_on_hyphens=False))


def _call(fn, z, what):
    try:
        out = np.asarray(fn(z), dtype=float)
    except Exception as error:  # the student's code: say which call failed and why
        raise AssertionError(f"Calling your {what} on an array z of shape {z.shape} "
                             f"failed with {type(error).__name__}: {error}") from None
    if out.shape != z.shape:
        raise AssertionError(f"Your {what} returned shape {out.shape} for z of shape "
                             f"{z.shape}; it should work elementwise and keep the shape.")
    return out


def check_tanh_derivative(tanh_prime):
    """``tanh_prime(z)``: your tanh'(z), written with the sigmoid only. It must match
    central differences of np.tanh on z from -4 to 4."""
    if not callable(tanh_prime):
        raise TypeError("Pass a function of z, e.g. lambda z: ... . "
                        f"Received: {type(tanh_prime).__name__}.")
    mine = _call(tanh_prime, _Z, "tanh_prime")
    eps = 1e-5
    numeric = (np.tanh(_Z + eps) - np.tanh(_Z - eps)) / (2 * eps)
    err = float(np.max(np.abs(mine - numeric)))
    worst_z = _Z[np.argmax(np.abs(mine - numeric))]
    if err > 1e-6:
        s = activations.sigmoid
        hint = ""
        if np.allclose(mine, 2 * s.derivative(2 * _Z)):
            hint = " You have 2 sigmoid'(2z): half the answer. The chain rule through 2z " \
                   "gives one factor 2 and tanh = 2 sigmoid(2z) - 1 another."
        elif np.allclose(mine, s.derivative(_Z)):
            hint = " That is sigmoid'(z) itself; first write tanh with the sigmoid."
        elif np.allclose(mine, 1 - np.tanh(_Z)):
            hint = " 1 - tanh(z) is not it: the derivative is 1 - tanh(z) squared."
        raise AssertionError(f"Not yet: your tanh'(z) differs from finite differences "
                             f"by up to {err:.3g} (at z = {worst_z:.2f})."
                             + hint)
    _say(f"Correct: your tanh'(z) matches finite differences of tanh to {err:.1e} on "
         f"[-4, 4], and equals 1 - tanh(z)^2 = 4 sigmoid(2z)(1 - sigmoid(2z)).")


def check_activation(act, tolerance=1e-6):
    """Is ``act`` (an ``nnkit.activations.Activation``) usable in a network? Its
    ``derivative`` must match finite differences of ``act(z)``, its ``backward`` must
    give dL/dz, and a small model using it must pass ``nnkit.gradcheck``."""
    if not isinstance(act, activations.Activation):
        raise TypeError("Pass an instance of a subclass of nnkit.activations.Activation. "
                        f"Received: {act!r} of type {type(act).__name__}.")
    rng = np.random.default_rng(0)
    z = rng.normal(0, 2, size=(6, 4))
    a = _call(act, z, f"{type(act).__name__}.__call__")
    d = _call(act.derivative, z, f"{type(act).__name__}.derivative")
    zz = z.copy()
    numeric = numerical_gradient(lambda: float(np.sum(act(zz))), zz)
    err = float(np.max(np.abs(d - numeric)))
    if err > tolerance:
        raise AssertionError(f"Not yet: derivative(z) differs from finite differences of "
                             f"f by up to {err:.3g}. Differentiate f again.")
    da = rng.normal(size=z.shape)
    back = np.asarray(act.backward(z, a, da), dtype=float)
    if back.shape != z.shape or not np.allclose(back, da * numeric, atol=tolerance):
        raise AssertionError("Not yet: backward(z, a, da) should return da * f'(z), "
                             "dL/dz by the chain rule.")
    model = Sequential([Dense(4, activation=act), Dense(1, activation="sigmoid")], seed=0)
    model.compile(optimizer=SGD(), loss="binary_crossentropy")
    X, y = data.circle(20, seed=0)
    worst = gradcheck(model, X, y)
    if worst > 1e-5:
        raise AssertionError(f"f and f' agree, but in a network the gradients are off by "
                             f"a relative error of {worst:.2g}. Is backward consistent "
                             "with derivative?")
    _say(f"Correct: {type(act).__name__}'s derivative matches finite differences to "
         f"{err:.1e}, and a network using it passes gradcheck ({worst:.1e}).")


def check_softplus(act):
    """Your softplus activation: f(z) = log(1 + e^z), whose derivative is the sigmoid.
    Checks f, f' and that it works in a network (``check_activation``)."""
    if not isinstance(act, activations.Activation):
        raise TypeError("Pass an instance of your Softplus class (a subclass of "
                        f"nnkit.activations.Activation). Received: {act!r}.")
    f = _call(act, _Z, "softplus")
    if not np.allclose(f, np.logaddexp(0, _Z), atol=1e-9):
        at_zero = float(_call(act, np.zeros(1), "softplus")[0])
        raise AssertionError("Not yet: f(z) should be log(1 + exp(z)); e.g. f(0) = log 2 "
                             f"= 0.693, yours gives {at_zero:.3f}.")
    d = _call(act.derivative, _Z, "softplus.derivative")
    if not np.allclose(d, activations.sigmoid(_Z), atol=1e-9):
        raise AssertionError("f is right; its derivative is not. d/dz log(1 + e^z) = "
                             "e^z / (1 + e^z): which activation is that?")
    check_activation(act)
    big = _call(act, np.array([800.0, -800.0]), "softplus")
    if not np.all(np.isfinite(big)):
        _say("Note: your softplus overflows for z = 800 (it returned "
             f"{big.tolist()}); np.logaddexp(0, z) computes log(1 + e^z) without overflow.")


def check_dead_fraction(fraction, model, X):
    """Your fraction of dead ReLU units in ``model``'s hidden layers on X, computed
    from the layers' outputs, against ``nnkit.diagnostics.dead_units``."""
    expected = dead_units(model, X)
    if not np.isscalar(fraction) or not np.isfinite(fraction):
        raise ValueError(f"fraction must be one number. Received: {fraction!r}")
    if abs(float(fraction) - expected) > 1e-12:
        raise AssertionError(f"Not yet: you found {float(fraction):.4f}, but "
                             f"{expected:.4f} of the ReLU units are dead. A unit is dead "
                             "when its output is 0 for *every* example (a column of zeros), "
                             "counted over all hidden ReLU units together.")
    _say(f"Correct: {expected:.4f} of the hidden ReLU units never fire on these inputs.")


def comparison_task():
    """The chapter's comparison task: ((X, y), (X_val, y_val)), a spiral of 300 training
    points and 300 fresh validation points from the same distribution."""
    return (data.spiral(300, noise=0.05, seed=0), data.spiral(300, noise=0.05, seed=1))


def check_sigmoid_learning_rate(learning_rate, target=0.85):
    """Train the chapter's comparison (sigmoid hidden layers, 16 + 16 units, 200 epochs,
    5 seeds) with your ``learning_rate``: the mean validation accuracy must reach
    ``target``."""
    (X, y), val = comparison_task()
    try:
        result = compare_activations(X, y, ["sigmoid"], seeds=range(5), epochs=200,
                                     learning_rate=learning_rate, validation_data=val)
    except DivergenceError:
        raise AssertionError(f"With learning rate {learning_rate} training diverged (the "
                             "loss became NaN): too large.") from None
    row = result.summary()[0]
    if row["accuracy_mean"] < target:
        raise AssertionError(f"Not yet: with learning rate {learning_rate} the sigmoid "
                             f"network reaches {row['accuracy_mean']:.2f} on average "
                             f"(worst seed {row['accuracy_min']:.2f}); the target is "
                             f"{target}. Its gradients are small: try larger steps.")
    _say(f"Correct: with learning rate {learning_rate}, sigmoid reaches "
         f"{row['accuracy_mean']:.2f} ± {row['accuracy_std']:.2f} (worst seed "
         f"{row['accuracy_min']:.2f}) in the same 200 epochs.")


def check_per_unit_activation(act, names=("relu", "tanh")):
    """An activation that mixes functions inside one layer: unit j (column j of z) uses
    ``names[j % len(names)]``. Checks the outputs and the derivative column by column,
    then ``check_activation``."""
    if not isinstance(act, activations.Activation):
        raise TypeError("Pass an instance of your per-unit activation (a subclass of "
                        f"nnkit.activations.Activation). Received: {act!r}.")
    z = np.random.default_rng(1).normal(0, 2, size=(5, 2 * len(names) + 1))
    a = _call(act, z, "activation")
    d = _call(act.derivative, z, "derivative")
    for j in range(z.shape[1]):
        f = activations.get(names[j % len(names)])
        if not np.allclose(a[:, j], f(z[:, j])):
            raise AssertionError(f"Not yet: column {j} of the output should be "
                                 f"{f.name}(z[:, {j}]).")
        if not np.allclose(d[:, j], f.derivative(z[:, j])):
            raise AssertionError(f"The outputs are right; the derivative of column {j} "
                                 f"should be {f.name}'(z[:, {j}]).")
    check_activation(act)
