"""Checks for the exercises of chapter 04 (outputs, losses and backpropagation)."""
import textwrap

import numpy as np

from .. import activations, losses
from ..gradcheck import numerical_gradient, relative_error
from ..layers import Dense
from ..models import Sequential

# The worked example of the chapter: one input row, a 2-2-1 network, target class 1.
WORKED_EXAMPLE = {
    "x": np.array([[1.0, 0.5]]),
    "y": np.array([[1.0]]),
    "W1": np.array([[0.5, -0.3], [0.2, 0.8]]),
    "b1": np.array([0.1, 0.2]),
    "W2": np.array([[1.2], [-0.6]]),
    "b2": np.array([0.1]),
}

# The two-layer network of the shapes exercise: n examples, d inputs, h hidden, k classes.
SHAPES_SIZES = {"n": 10, "d": 4, "h": 5, "k": 3}
GRADIENT_NAMES = ["dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1"]


def _say(message):
    """Print a check's verdict wrapped to the width of a solution box in the HTML book
    (a long line there scrolls sideways)."""
    print(textwrap.fill(message, width=68, break_long_words=False, break_on_hyphens=False))


def worked_example_model(activation="sigmoid"):
    """The worked example's network with its weights, compiled with binary
    cross-entropy; ``activation`` is the hidden layer's (the output is a sigmoid)."""
    ex = WORKED_EXAMPLE
    model = Sequential([Dense(2, activation=activation), Dense(1, activation="sigmoid")])
    model.build(2)
    model.set_weights([ex["W1"], ex["b1"], ex["W2"], ex["b2"]])
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    return model


def check_shapes(shapes):
    """Your shapes, as tuples, for every gradient of the two-layer network with n = 10
    examples, d = 4 inputs, h = 5 hidden units and k = 3 classes: a dict with the keys
    dZ2, dW2, db2, dA1, dZ1, dW1, db1."""
    if not isinstance(shapes, dict):
        raise TypeError(f"shapes must be a dict such as {{'dW2': (5, 3), ...}}. Received: "
                        f"{type(shapes).__name__}.")
    n, d, h, k = (SHAPES_SIZES[s] for s in "ndhk")
    right = {"dZ2": (n, k), "dW2": (h, k), "db2": (k,), "dA1": (n, h), "dZ1": (n, h),
             "dW1": (d, h), "db1": (h,)}
    missing = [name for name in GRADIENT_NAMES if name not in shapes]
    if missing:
        raise AssertionError(f"Not yet: give a shape for {missing} too.")
    for name in GRADIENT_NAMES:
        if not isinstance(shapes[name], (tuple, list)):
            raise AssertionError(f"Give each shape as a tuple, as numpy writes it: (3,) for a "
                                 f"vector of 3. Received: {name}={shapes[name]!r}.")
    wrong = [name for name in GRADIENT_NAMES if tuple(shapes[name]) != right[name]]
    if wrong:
        raise AssertionError(
            f"Not yet: {wrong} {'is' if len(wrong) == 1 else 'are'} wrong. A gradient has "
            "the shape of the array it is the gradient of: dW2 is shaped like W2, dZ1 like "
            "Z1. Write down the forward shapes first (X is (n, d), W1 is (d, h), ...).")
    _say("Correct: " + ", ".join(f"{name} {right[name]}" for name in GRADIENT_NAMES) +
         ". Each gradient has the shape of its array.")


def check_softmax_cross_entropy(p, loss, dz):
    """For the logits z = (1, 3, 0) and the target class 0: your softmax probabilities
    ``p`` (3 numbers), the cross-entropy ``loss`` and its gradient ``dz`` = dL/dz.
    Three decimals are enough."""
    z, y = np.array([[1.0, 3.0, 0.0]]), np.array([[1.0, 0.0, 0.0]])
    p_right = activations.softmax(z)
    loss_right = losses.categorical_crossentropy(y, p_right)
    dz_right = p_right - y
    for name, yours, right in [("p", p, p_right), ("dz", dz, dz_right)]:
        yours = np.asarray(yours, dtype=float).reshape(-1)
        if yours.shape != (3,):
            raise ValueError(f"{name} must hold 3 numbers, one per class. Received: shape "
                             f"{yours.shape}.")
    if not np.allclose(np.ravel(p), p_right.ravel(), atol=2e-3):
        hint = (" They do not sum to 1." if abs(np.sum(p) - 1) > 2e-3 else
                " Exponentiate each logit, then divide by the sum of the exponentials.")
        raise AssertionError(f"Not yet: p = {np.round(np.ravel(p), 4).tolist()} are not the "
                             f"softmax probabilities.{hint}")
    if not np.isclose(loss, loss_right, atol=2e-3):
        raise AssertionError(f"p is right, but the loss {loss} is not. Cross-entropy is minus "
                             "the log of the probability of the correct class.")
    if not np.allclose(np.ravel(dz), dz_right.ravel(), atol=2e-3):
        raise AssertionError(f"p and the loss are right, but dz = {np.ravel(dz).tolist()} is "
                             "not dL/dz. For softmax with cross-entropy it is y_hat - y.")
    print(f"Correct: p = {np.round(p_right.ravel(), 4).tolist()},\n"
          f"L = -log p_0 = {loss_right:.4f},\n"
          f"dL/dz = p - y = {np.round(dz_right.ravel(), 4).tolist()}:\n"
          "z_0 is pushed up and the others down.")


def check_worked_example_grads(grads, activation="tanh"):
    """Your gradients [dW1, db1, dW2, db2] for the worked example with hidden units
    ``activation`` (the same weights, input and target; output sigmoid with binary
    cross-entropy), to 1e-6."""
    model = worked_example_model(activation)
    ex = WORKED_EXAMPLE
    model.backward(ex["y"], model.forward(ex["x"]))
    if not isinstance(grads, (list, tuple)) or len(grads) != 4:
        raise ValueError("grads must be a list [dW1, db1, dW2, db2]. Received: "
                         f"{type(grads).__name__} of length "
                         f"{len(grads) if hasattr(grads, '__len__') else '?'}.")
    for name, yours, right in zip(["dW1", "db1", "dW2", "db2"], grads, model.grads):
        yours = np.asarray(yours, dtype=float)
        if yours.shape != right.shape:
            raise AssertionError(f"Not yet: {name} has shape {yours.shape}, but it must have "
                                 f"the shape of {name[1:]}, {right.shape}.")
        if not np.allclose(yours, right, atol=1e-6, rtol=0):
            hint = {"dW2": " dW2 = a1^T dz2, and dz2 = y_hat - y does not depend on the "
                           "hidden activation.",
                    "db2": " db2 is dz2 summed over the examples.",
                    "dW1": f" dz1 = da1 * f'(z1), and {activation}'s derivative is not "
                           "sigmoid's.",
                    "db1": f" db1 is dz1 summed over the examples; check f'(z1) for "
                           f"{activation}."}[name]
            raise AssertionError(f"Not yet: {name} = {np.round(yours, 6).tolist()} is off."
                                 + hint)
    print(f"Correct: with {activation} hidden units,\n"
          + "\n".join(f"  {n} = {np.round(g, 5).tolist()}"
                      for n, g in zip(["dW1", "db1", "dW2", "db2"], model.grads)))


def check_softmax_mse_gradient(fn):
    """Your function ``fn(z, y)`` returning dL/dz for a softmax output trained with
    squared error, L = mse(y, softmax(z)) = mean over all n * k entries of
    (softmax(z) - y)^2; z and y are (n, k). Checked against finite differences."""
    rng = np.random.default_rng(4)
    z = rng.normal(0, 2, size=(5, 3))
    y = np.eye(3)[rng.integers(0, 3, 5)]

    def loss():
        return losses.mse(y, activations.softmax(z))

    numeric = numerical_gradient(loss, z)
    yours = np.asarray(fn(z.copy(), y.copy()), dtype=float)
    if yours.shape != z.shape:
        raise AssertionError(f"Not yet: fn returned shape {yours.shape}; dL/dz has the shape "
                             f"of z, {z.shape}.")
    err = relative_error(yours, numeric)
    if err > 1e-6:
        ratio = float(np.sum(yours * numeric) / np.sum(numeric ** 2))
        hint = (f" It looks like the right direction times {ratio:.3g}: check the 1 / (n k) "
                "of the mean and the 2 of the square."
                if ratio and relative_error(yours / ratio, numeric) < 1e-6
                else " Chain dL/dy_hat = 2 (y_hat - y) / (n k) through the softmax Jacobian: "
                "dL/dz = y_hat * (g - sum(g * y_hat, axis=1)) with g = dL/dy_hat.")
        raise AssertionError(f"Not yet: relative error {err:.2e} against finite differences."
                             + hint)
    wrong = np.array([[-5.0, 0.0, 0.0]])
    target = np.array([[1.0, 0.0, 0.0]])
    g = float(np.asarray(fn(wrong, target))[0, 0])
    ce = float((activations.softmax(wrong) - target)[0, 0])
    _say(f"Correct: relative error {err:.1e} against finite differences. Confidently "
         f"wrong (z = (-5, 0, 0), class 0): squared error gives dL/dz_0 = {g:.4f}, "
         f"cross-entropy {ce:.4f}.")
