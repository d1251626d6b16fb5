"""Optimizers: how a gradient becomes a step (chapters 05 and 07).

An optimizer updates a model's parameter arrays in place, given their gradients in the
same order. The update rules and defaults are Keras's, so the same model trained with
``nnkit.SGD`` and ``keras.optimizers.SGD`` from the same weights follows the same path.
"""
import numpy as np

__all__ = ["Optimizer", "SGD", "Adam", "get"]


def _check_positive(name, value):
    if not (isinstance(value, (int, float, np.number)) and np.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be a positive number. Received: {name}={value!r}")
    return float(value)


class Optimizer:
    """Base class. ``apply(params, grads)`` takes one step; ``reset()`` forgets state."""

    def __init__(self, learning_rate):
        self.learning_rate = _check_positive("learning_rate", learning_rate)
        self.iterations = 0

    def apply(self, params, grads):
        if not self.iterations:
            self.state = [self.init_state(p) for p in params]
        self.iterations += 1
        for p, g, s in zip(params, grads, self.state):
            self.update(p, g, s)

    def reset(self):
        self.iterations = 0

    def init_state(self, p):
        return {}

    def update(self, p, g, state):
        raise NotImplementedError


class SGD(Optimizer):
    """Stochastic gradient descent: ``w -= lr * dw``.

    With ``momentum`` m > 0 it keeps a velocity v: ``v = m v - lr dw``, ``w += v``, so
    steps in a consistent direction build up speed (Keras's rule; default m = 0).
    """

    def __init__(self, learning_rate=0.01, momentum=0.0):
        super().__init__(learning_rate)
        if not (np.isscalar(momentum) and 0 <= momentum < 1):
            raise ValueError(f"momentum must be in [0, 1). Received: momentum={momentum!r}")
        self.momentum = float(momentum)

    def init_state(self, p):
        return {"velocity": np.zeros_like(p)}

    def update(self, p, g, state):
        if self.momentum:
            v = state["velocity"]
            v *= self.momentum
            v -= self.learning_rate * g
            p += v
        else:
            p -= self.learning_rate * g

    def __repr__(self):
        return f"SGD(learning_rate={self.learning_rate}, momentum={self.momentum})"


class Adam(Optimizer):
    """Adam: SGD with momentum on the gradient (m) and a per-weight step size from the
    running mean of the squared gradient (v). Keras's rule and defaults."""

    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
        super().__init__(learning_rate)
        self.beta_1, self.beta_2, self.epsilon = beta_1, beta_2, epsilon

    def init_state(self, p):
        return {"m": np.zeros_like(p), "v": np.zeros_like(p)}

    def update(self, p, g, state):
        t = self.iterations
        alpha = self.learning_rate * np.sqrt(1 - self.beta_2 ** t) / (1 - self.beta_1 ** t)
        state["m"] += (g - state["m"]) * (1 - self.beta_1)
        state["v"] += (g * g - state["v"]) * (1 - self.beta_2)
        p -= alpha * state["m"] / (np.sqrt(state["v"]) + self.epsilon)

    def __repr__(self):
        return f"Adam(learning_rate={self.learning_rate})"


def get(identifier):
    """An optimizer from "sgd"/"adam" (Keras's default learning rates) or an instance."""
    if isinstance(identifier, Optimizer):
        return identifier
    if identifier == "sgd":
        return SGD()
    if identifier == "adam":
        return Adam()
    raise ValueError(f"Unknown optimizer {identifier!r}; expected 'sgd', 'adam' "
                     "or an instance such as nnkit.SGD(learning_rate=0.1).")
