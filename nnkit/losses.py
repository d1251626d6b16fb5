"""Loss functions, each with its gradient beside it (chapter 04).

A loss compares targets ``y`` with predictions ``y_hat``, both of shape (n, k), and
returns one number, averaged over the batch. ``gradient(y, y_hat)`` returns
``dL/dy_hat`` with the shape of ``y_hat``: where backpropagation starts.

Two pairs have a much simpler gradient when taken together with the output
activation: sigmoid + binary cross-entropy and softmax + categorical cross-entropy both
give ``dL/dz = (y_hat - y) / n``. ``fused_gradient`` returns that, and the model uses it
when it can, because it never divides by a probability close to 0.
"""
import numpy as np

__all__ = ["Loss", "get", "names", "mse", "rss", "rmse", "binary_crossentropy",
           "categorical_crossentropy"]

EPSILON = 1e-7  # Keras's backend.epsilon(): probabilities are clipped to [eps, 1 - eps]


class Loss:
    """Base class: subclasses define ``__call__`` (L) and ``gradient`` (dL/dy_hat)."""

    name = "loss"
    fuses_with = None  # the output activation whose gradient simplifies with this loss

    def __call__(self, y, y_hat):
        raise NotImplementedError

    def gradient(self, y, y_hat):
        raise NotImplementedError

    def fused_gradient(self, y, y_hat):
        """dL/dz of the output layer when its activation is ``fuses_with``."""
        raise NotImplementedError

    def __repr__(self):
        return f"<loss {self.name}>"


class MeanSquaredError(Loss):
    """L = mean over all entries of (y_hat - y)^2, as Keras computes it."""

    name = "mse"

    def __call__(self, y, y_hat):
        return float(np.mean((y_hat - y) ** 2))

    def gradient(self, y, y_hat):
        return 2.0 * (y_hat - y) / y.size


class ResidualSumOfSquares(Loss):
    """RSS: L = sum of (y_hat - y)^2. A sum, not a mean, so it grows with n."""

    name = "rss"

    def __call__(self, y, y_hat):
        return float(np.sum((y_hat - y) ** 2))

    def gradient(self, y, y_hat):
        return 2.0 * (y_hat - y)


class RootMeanSquaredError(Loss):
    """RMSE: L = sqrt(MSE), in the units of y. dL/dy_hat = dMSE / (2 sqrt(MSE))."""

    name = "rmse"

    def __call__(self, y, y_hat):
        return float(np.sqrt(np.mean((y_hat - y) ** 2)))

    def gradient(self, y, y_hat):
        rmse = max(self(y, y_hat), 1e-12)  # at a perfect fit the gradient is 0 anyway
        return (y_hat - y) / (y.size * rmse)


class BinaryCrossentropy(Loss):
    """L = -mean(y log p + (1 - y) log(1 - p)), for targets in {0, 1} and p = y_hat."""

    name = "binary_crossentropy"
    fuses_with = "sigmoid"

    def __call__(self, y, y_hat):
        p = np.clip(y_hat, EPSILON, 1 - EPSILON)
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

    def gradient(self, y, y_hat):
        # The loss sees the clipped p, so where y_hat was clipped its gradient is 0.
        p = np.clip(y_hat, EPSILON, 1 - EPSILON)
        return np.where(p == y_hat, (p - y) / (p * (1 - p)), 0.0) / y.size

    def fused_gradient(self, y, y_hat):
        return (y_hat - y) / y.size


class CategoricalCrossentropy(Loss):
    """L = -mean over examples of sum_k y_k log p_k, for one-hot rows y (n, k)."""

    name = "categorical_crossentropy"
    fuses_with = "softmax"

    def __call__(self, y, y_hat):
        p = np.clip(y_hat, EPSILON, 1 - EPSILON)
        return float(-np.mean(np.sum(y * np.log(p), axis=-1)))

    def gradient(self, y, y_hat):
        p = np.clip(y_hat, EPSILON, 1 - EPSILON)
        return np.where(p == y_hat, -y / p, 0.0) / y.shape[0]

    def fused_gradient(self, y, y_hat):
        return (y_hat - y) / y.shape[0]


mse, rss, rmse = MeanSquaredError(), ResidualSumOfSquares(), RootMeanSquaredError()
binary_crossentropy, categorical_crossentropy = BinaryCrossentropy(), CategoricalCrossentropy()

_REGISTRY = {f.name: f for f in [mse, rss, rmse, binary_crossentropy, categorical_crossentropy]}
_ALIASES = {"mean_squared_error": "mse", "root_mean_squared_error": "rmse",
            "bce": "binary_crossentropy", "cross_entropy": "categorical_crossentropy"}


def names():
    """The names ``get`` accepts (aliases aside)."""
    return list(_REGISTRY)


def get(identifier):
    """A loss from its name (``"mse"``) or an instance."""
    if isinstance(identifier, Loss):
        return identifier
    if isinstance(identifier, str):
        key = _ALIASES.get(identifier, identifier)
        if key in _REGISTRY:
            return _REGISTRY[key]
    raise ValueError(f"Unknown loss {identifier!r}; expected one of {names()} "
                     "or an nnkit.losses.Loss instance.")
