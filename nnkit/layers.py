"""Layers: forward and backward side by side (chapters 02, 04 and 06).

A layer maps a batch ``a_prev`` of shape (n, in) to ``a`` of shape (n, out). Like a
Keras layer it separates configuration (``__init__``), weight creation (``build``,
once the input width is known) and computation. Computation comes in pairs:

- ``forward(a_prev, training)`` computes the output and keeps what backward needs;
- ``backward(da)`` takes ``dL/da`` and returns ``dL/da_prev``, leaving the gradients
  of the layer's own weights in ``grads``, in the order of ``params``.
"""
import numpy as np

from . import activations, initializers, regularizers

__all__ = ["Layer", "Dense", "Dropout"]


class Layer:
    """Base class. ``params`` and ``grads`` are lists of arrays in the same order."""

    def __init__(self, name=None):
        self.name = name or type(self).__name__.lower()
        self.params, self.grads = [], []
        self.input_dim = None

    @property
    def built(self):
        return self.input_dim is not None

    def build(self, input_dim, rng):
        self.input_dim = int(input_dim)

    def output_dim(self, input_dim):
        return input_dim

    def forward(self, a_prev, training=False):
        raise NotImplementedError

    def backward(self, da):
        raise NotImplementedError

    def penalty(self):
        """What the layer adds to the loss (weight regularization); 0 by default."""
        return 0.0

    def get_weights(self):
        return [p.copy() for p in self.params]

    def set_weights(self, weights):
        if len(weights) != len(self.params):
            raise ValueError(f"Layer {self.name!r} expects {len(self.params)} arrays. "
                             f"Received: {len(weights)} arrays.")
        for p, w in zip(self.params, weights):
            w = np.asarray(w, dtype=float)
            if w.shape != p.shape:
                raise ValueError(f"Layer {self.name!r} expects a weight of shape {p.shape}. "
                                 f"Received: shape {w.shape}.")
            p[...] = w  # in place, so that the optimizer's references stay valid


class Dense(Layer):
    """A fully connected layer: ``z = a_prev @ W + b``, ``a = f(z)``.

    Args:
        units: the number of neurons, ``out`` (positive int).
        activation: a name from ``nnkit.activations.names()``, an Activation, or None
            (linear). Default None, as in Keras.
        use_bias: whether to add ``b``. Default True.
        kernel_initializer: default "glorot_uniform"; bias starts at zeros.
        kernel_regularizer: None, "l1", "l2" or ``nnkit.L2(0.01)`` and the like.
        input_dim: optional; otherwise set by the first batch the model sees.

    Shapes: input (n, in), output (n, units); ``W`` is (in, units) and ``b`` (units,),
    Keras's layout, so ``get_weights()`` returns ``[W, b]`` exactly as Keras does.
    """

    def __init__(self, units, activation=None, use_bias=True,
                 kernel_initializer="glorot_uniform", kernel_regularizer=None,
                 input_dim=None, name=None):
        super().__init__(name)
        if isinstance(units, bool) or not isinstance(units, (int, np.integer)) or units < 1:
            raise ValueError(f"units must be a positive integer. Received: units={units!r}")
        self.units = int(units)
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.requested_input_dim = input_dim

    def build(self, input_dim, rng):
        super().build(input_dim, rng)
        self.W = self.kernel_initializer((self.input_dim, self.units), rng).astype(float)
        self.b = np.zeros(self.units)
        self.params = [self.W, self.b] if self.use_bias else [self.W]

    def output_dim(self, input_dim):
        return self.units

    def forward(self, a_prev, training=False):
        self.a_prev = a_prev
        self.z = a_prev @ self.W + (self.b if self.use_bias else 0.0)
        self.a = self.activation(self.z)
        return self.a

    def backward(self, da):
        # dL/dz = dL/da * f'(z): the chain rule through the activation.
        dz = self.activation.backward(self.z, self.a, da)
        return self.backward_from_z(dz)

    def backward_from_z(self, dz):
        """The rest of backward, from dL/dz (n, units); models call it directly when the
        loss hands them dL/dz for the output layer (softmax + cross-entropy)."""
        # z = a_prev @ W + b, so dL/dW = a_prev^T dz (a sum over the batch), dL/db = sum dz,
        # and dL/da_prev = dz W^T sends the error back to the previous layer.
        dW = self.a_prev.T @ dz
        if self.kernel_regularizer is not None:
            dW = dW + self.kernel_regularizer.gradient(self.W)
        self.grads = [dW, dz.sum(axis=0)] if self.use_bias else [dW]
        return dz @ self.W.T

    def penalty(self):
        if self.kernel_regularizer is None:
            return 0.0
        return self.kernel_regularizer.penalty(self.W)

    def __repr__(self):
        return f"Dense({self.units}, activation={self.activation.name!r})"


class Dropout(Layer):
    """Inverted dropout: while training, each input is zeroed with probability ``rate``
    and the survivors are scaled by 1 / (1 - rate), so the expected value is unchanged
    and nothing needs rescaling at predict time, when the layer does nothing.

    Args:
        rate: the fraction to drop, in [0, 1).
        seed: seeds this layer's own mask generator; by default the model's seed is used.

    The mask drawn by the last training forward pass stays in ``mask`` for backward.
    """

    def __init__(self, rate, seed=None, name=None):
        super().__init__(name)
        if isinstance(rate, bool) or not isinstance(rate, (int, float, np.number)) \
                or not 0 <= rate < 1:
            raise ValueError(f"rate must be a number in [0, 1). Received: rate={rate!r}")
        self.rate, self.seed = float(rate), seed
        self.mask = None

    def build(self, input_dim, rng):
        super().build(input_dim, rng)
        self.rng = np.random.default_rng(self.seed) if self.seed is not None else rng

    def forward(self, a_prev, training=False):
        if not training or self.rate == 0:
            self.mask = None
            return a_prev
        self.mask = (self.rng.random(a_prev.shape) >= self.rate) / (1.0 - self.rate)
        return a_prev * self.mask

    def backward(self, da):
        return da if self.mask is None else da * self.mask

    def __repr__(self):
        return f"Dropout({self.rate})"
