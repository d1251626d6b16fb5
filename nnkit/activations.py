"""Activation functions, each with its derivative beside it (chapters 01 and 03).

An activation turns a neuron's pre-activation ``z = a_prev @ W + b`` into its output
``a = f(z)``. Every activation here has three methods:

- ``f(z)``: the function itself, elementwise except for ``softmax``;
- ``derivative(z)``: ``f'(z)`` elementwise (for ``softmax``, the Jacobian);
- ``backward(z, a, da)``: ``dL/dz`` from ``dL/da``, the step backpropagation needs.
  For an elementwise ``f`` this is ``da * f'(z)``; softmax mixes its outputs, so it
  multiplies by its Jacobian instead.

Look one up by name with ``get("relu")``, as Keras does with ``activation="relu"``.

>>> import numpy as np
>>> get("relu")(np.array([-1.0, 2.0]))
array([0., 2.])
"""
import numpy as np

__all__ = ["Activation", "get", "names", "sign", "step", "linear", "sigmoid", "tanh",
           "relu", "leaky_relu", "softmax"]


class Activation:
    """Base class: subclasses define ``__call__`` (f) and ``derivative`` (f')."""

    name = "activation"

    def __call__(self, z):
        raise NotImplementedError

    def derivative(self, z):
        raise NotImplementedError

    def backward(self, z, a, da):
        """dL/dz given dL/da, for an elementwise activation: the chain rule."""
        return da * self.derivative(z)

    def __repr__(self):
        return f"<activation {self.name}>"


class Sign(Activation):
    """Signum: +1 where z >= 0, else -1. Its derivative is 0 wherever it exists, so
    gradient descent gets no signal through it: the perceptron rule trains it instead."""

    name = "sign"

    def __call__(self, z):
        return np.where(z >= 0, 1.0, -1.0)

    def derivative(self, z):
        return np.zeros_like(z, dtype=float)


class Step(Activation):
    """Heaviside step: 1 where z >= 0, else 0 (signum rescaled to 0/1 outputs)."""

    name = "step"

    def __call__(self, z):
        return np.where(z >= 0, 1.0, 0.0)

    def derivative(self, z):
        return np.zeros_like(z, dtype=float)


class Linear(Activation):
    """Identity, f(z) = z: the output activation for regression."""

    name = "linear"

    def __call__(self, z):
        return np.asarray(z, dtype=float)

    def derivative(self, z):
        return np.ones_like(z, dtype=float)


class Sigmoid(Activation):
    """Logistic sigmoid 1 / (1 + exp(-z)), in (0, 1). f'(z) = f(z) (1 - f(z)) <= 1/4."""

    name = "sigmoid"

    def __call__(self, z):
        # Written with tanh so that large |z| neither overflows nor loses precision.
        return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))

    def derivative(self, z):
        s = self(z)
        return s * (1.0 - s)


class Tanh(Activation):
    """Hyperbolic tangent, in (-1, 1), zero-centred. f'(z) = 1 - tanh(z)^2 <= 1."""

    name = "tanh"

    def __call__(self, z):
        return np.tanh(z)

    def derivative(self, z):
        return 1.0 - np.tanh(z) ** 2


class ReLU(Activation):
    """Rectified linear unit max(0, z). f'(z) is 1 for z > 0 and 0 for z <= 0
    (we take 0 at z = 0, as Keras and JAX do)."""

    name = "relu"

    def __call__(self, z):
        return np.maximum(z, 0.0)

    def derivative(self, z):
        return (np.asarray(z) > 0).astype(float)


class LeakyReLU(Activation):
    """max(alpha z, z): like ReLU, but a small slope ``alpha`` for z < 0 keeps a unit
    from dying. ``alpha`` defaults to 0.2, Keras's ``negative_slope`` default."""

    name = "leaky_relu"

    def __init__(self, alpha=0.2):
        if not 0 <= alpha < 1:
            raise ValueError(f"alpha must be in [0, 1). Received: alpha={alpha!r}")
        self.alpha = float(alpha)

    def __call__(self, z):
        return np.where(z > 0, z, self.alpha * np.asarray(z, dtype=float))

    def derivative(self, z):
        return np.where(np.asarray(z) > 0, 1.0, self.alpha)


class Softmax(Activation):
    """Softmax over the last axis: exp(z_k) / sum_j exp(z_j). Turns a row of scores
    into probabilities that sum to 1; the output activation for classification."""

    name = "softmax"

    def __call__(self, z):
        z = np.asarray(z, dtype=float)
        e = np.exp(z - z.max(axis=-1, keepdims=True))  # shift: same result, no overflow
        return e / e.sum(axis=-1, keepdims=True)

    def derivative(self, z):
        """The Jacobian da_i/dz_j = a_i (delta_ij - a_j), shape (n, k, k)."""
        a = self(z)
        return a[..., :, None] * (np.eye(a.shape[-1]) - a[..., None, :])

    def backward(self, z, a, da):
        # Row by row, da @ J with J = diag(a) - a a^T, without building J.
        return a * (da - np.sum(da * a, axis=-1, keepdims=True))


sign, step, linear = Sign(), Step(), Linear()
sigmoid, tanh, relu = Sigmoid(), Tanh(), ReLU()
leaky_relu, softmax = LeakyReLU(), Softmax()

_REGISTRY = {f.name: f for f in [sign, step, linear, sigmoid, tanh, relu, leaky_relu, softmax]}
_ALIASES = {"signum": "sign", "heaviside": "step", "identity": "linear", None: "linear",
            "logistic": "sigmoid"}


def names():
    """The names ``get`` accepts (aliases aside), in the order of chapter 03."""
    return list(_REGISTRY)


def get(identifier):
    """An activation from its name (``"relu"``), ``None`` (linear) or an instance."""
    if isinstance(identifier, Activation):
        return identifier
    if identifier is None or isinstance(identifier, str):
        key = _ALIASES.get(identifier, identifier)
        if key in _REGISTRY:
            return _REGISTRY[key]
    raise ValueError(f"Unknown activation {identifier!r}; expected one of {names()} "
                     "or an nnkit.activations.Activation instance.")
