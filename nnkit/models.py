"""``Sequential``: layers in a row, trained by backpropagation (chapters 02 to 06).

The training loop of chapter 05, for each mini-batch: forward pass, loss, backward
pass, optimizer step. The methods and their arguments are Keras's:

>>> import nnkit as nk
>>> X, y = nk.data.logic_gate("xor")
>>> model = nk.Sequential([nk.Dense(4, activation="tanh"),
...                        nk.Dense(1, activation="sigmoid")], seed=0)
>>> model.compile(optimizer=nk.SGD(learning_rate=0.5), loss="binary_crossentropy")
>>> history = model.fit(X, y, epochs=500, batch_size=4)
>>> model.predict(X).round().ravel()
array([0., 1., 1., 0.])
"""
import numpy as np

from . import losses, optimizers
from .callbacks import History
from .checks import check_X, check_y
from .layers import Dense

__all__ = ["Sequential", "DivergenceError", "accuracy"]


class DivergenceError(FloatingPointError):
    """Raised by ``fit`` when the loss becomes NaN or infinite. ``history`` holds the
    epochs completed before it happened."""

    def __init__(self, message, history):
        super().__init__(message)
        self.history = history


class Sequential:
    """A stack of layers, each feeding the next.

    Args:
        layers: a list of layers, e.g. ``[nk.Dense(4, activation="tanh"), nk.Dense(1)]``.
        seed: seeds every random choice the model makes (initial weights, the order of
            examples in each epoch, dropout masks), so that the same seed gives the
            same run. Default None: different every time.
    """

    def __init__(self, layers=None, seed=None):
        self.layers = []
        for layer in layers or []:
            self.add(layer)
        self.seed = seed
        self.rng = np.random.default_rng(seed)
        self.loss = self.optimizer = None
        self.metrics, self.stop_training = [], False

    def add(self, layer):
        if not hasattr(layer, "forward") or not hasattr(layer, "backward"):
            raise TypeError(f"Sequential takes nnkit layers such as nnkit.Dense(4). "
                            f"Received: {layer!r} of type {type(layer).__name__}.")
        self.layers.append(layer)

    # -- building ------------------------------------------------------------------
    @property
    def built(self):
        return bool(self.layers) and all(layer.built for layer in self.layers)

    @property
    def input_dim(self):
        return self.layers[0].input_dim if self.built else None

    @property
    def output_dim(self):
        return self.layers[-1].units if self.layers and isinstance(self.layers[-1], Dense) else None

    def build(self, input_dim):
        """Create every layer's weights for inputs with ``input_dim`` features."""
        if not self.layers:
            raise ValueError("The model has no layers; pass a list of layers to Sequential.")
        for layer in self.layers:
            layer.build(input_dim, self.rng)
            input_dim = layer.output_dim(input_dim)
        return self

    def _ensure_built(self, X):
        if not self.built:
            self.build(X.shape[1])

    # -- forward and backward ------------------------------------------------------
    def forward(self, X, training=False):
        """The output of the last layer; every layer keeps its own ``z`` and ``a``."""
        a = X
        for layer in self.layers:
            a = layer.forward(a, training=training)
        return a

    def layer_outputs(self, X):
        """Each layer's output ``a`` for inputs ``X``, as a list: the hidden
        representations of chapter 02."""
        X = check_X(X, self.input_dim)
        self._ensure_built(X)
        outputs, a = [], X
        for layer in self.layers:
            a = layer.forward(a, training=False)
            outputs.append(a)
        return outputs

    def backward(self, y, y_hat):
        """Backpropagate from the loss; leaves each layer's gradients in ``layer.grads``."""
        last = self.layers[-1]
        if isinstance(last, Dense) and self.loss.fuses_with == last.activation.name:
            grad = last.backward_from_z(self.loss.fused_gradient(y, y_hat))
            rest = self.layers[:-1]
        else:
            grad, rest = self.loss.gradient(y, y_hat), self.layers
        for layer in reversed(rest):
            grad = layer.backward(grad)
        return grad

    def compute_loss(self, y, y_hat):
        """The loss the optimizer minimises: the data loss plus weight penalties."""
        return self.loss(y, y_hat) + sum(layer.penalty() for layer in self.layers)

    @property
    def params(self):
        return [p for layer in self.layers for p in layer.params]

    @property
    def grads(self):
        return [g for layer in self.layers for g in layer.grads]

    # -- the Keras API -------------------------------------------------------------
    def compile(self, optimizer="sgd", loss="mse", metrics=None):
        """Choose the optimizer, the loss, and the metrics ``fit`` logs ("accuracy")."""
        self.optimizer = optimizers.get(optimizer)
        self.loss = losses.get(loss)
        metrics = list(metrics or [])
        unknown = [m for m in metrics if m not in ("accuracy", "acc")]
        if unknown:
            raise ValueError(f"Unknown metrics {unknown}; nnkit knows 'accuracy'.")
        self.metrics = ["accuracy"] if metrics else []

    def _check_compiled(self, what):
        if self.loss is None:
            raise RuntimeError(f"You must call compile() before {what}(): the model needs "
                               "a loss and an optimizer. Received: an uncompiled model.")

    def train_on_batch(self, X, y):
        """One step of gradient descent on one batch; returns the batch's loss."""
        # Overflow is not worth a numpy warning per batch: fit checks that the loss is
        # finite and stops with one clear DivergenceError instead.
        with np.errstate(over="ignore", invalid="ignore"):
            y_hat = self.forward(X, training=True)
            loss = self.compute_loss(y, y_hat)
            self.backward(y, y_hat)
            self.optimizer.apply(self.params, self.grads)
        return loss, y_hat

    def fit(self, X, y, epochs=1, batch_size=32, validation_data=None, shuffle=True,
            callbacks=None, verbose=0):
        """Train for ``epochs`` passes over (X, y) in mini-batches of ``batch_size``
        (None: 32, as Keras). Returns a ``History``; ``history.history["loss"][e]`` is
        the mean of the batch losses met during epoch e, weighted by batch size, as Keras
        records it. Raises ``DivergenceError`` when the loss stops being finite."""
        self._check_compiled("fit")
        X = check_X(X, self.input_dim)
        self._ensure_built(X)
        y = check_y(y, X, self.output_dim)
        for name, value in [("epochs", epochs), ("batch_size", batch_size or 32)]:
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
                raise ValueError(f"{name} must be a positive integer. Received: {name}={value!r}")
        if validation_data is not None:
            X_val, y_val = self._check_validation(validation_data)
        n, batch_size = len(X), int(batch_size or 32)
        history = History()
        callbacks = [history] + list(callbacks or [])
        self.stop_training = False
        for cb in callbacks:
            cb.model = self
            cb.on_train_begin()
        for epoch in range(epochs):
            order = self.rng.permutation(n) if shuffle else np.arange(n)
            total, y_hats = 0.0, np.empty_like(y)
            for start in range(0, n, batch_size):
                idx = order[start:start + batch_size]
                loss, y_hats[idx] = self.train_on_batch(X[idx], y[idx])
                if not np.isfinite(loss):
                    raise DivergenceError(
                        f"Training diverged in epoch {epoch + 1}, batch {start // batch_size + 1}: "
                        f"the loss became {loss}. The learning rate "
                        f"({self.optimizer.learning_rate}) is probably too large for this "
                        "model and data; try one ten times smaller. The epochs completed "
                        "so far are in this error's .history.", history)
                total += loss * len(idx)
            logs = {"loss": total / n}
            if self.metrics:
                logs["accuracy"] = accuracy(y, y_hats)
            if validation_data is not None:
                logs.update({f"val_{k}": v for k, v in
                             self.evaluate(X_val, y_val, return_dict=True).items()})
            for cb in callbacks:
                cb.on_epoch_end(epoch, logs)
            if verbose:
                print(f"Epoch {epoch + 1}/{epochs} - " +
                      " - ".join(f"{k}: {v:.4f}" for k, v in logs.items()))
            if self.stop_training:
                break
        for cb in callbacks:
            cb.on_train_end()
        self.history = history
        return history

    def _check_validation(self, validation_data):
        if not (isinstance(validation_data, (tuple, list)) and len(validation_data) == 2):
            raise ValueError("validation_data must be a pair (X_val, y_val). Received: "
                             f"{type(validation_data).__name__} of length "
                             f"{len(validation_data) if hasattr(validation_data, '__len__') else '?'}.")
        X_val = check_X(validation_data[0], self.input_dim, name="X_val")
        return X_val, check_y(validation_data[1], X_val, self.output_dim, name="y_val")

    def predict(self, X):
        """The network's outputs y_hat, shape (n, units of the last layer)."""
        X = check_X(X, self.input_dim)
        self._ensure_built(X)
        return self.forward(X, training=False)

    def evaluate(self, X, y, return_dict=False):
        """The loss on (X, y), and the metrics if compiled with any: a float, a list
        [loss, accuracy], or with ``return_dict=True`` a dict, as in Keras."""
        self._check_compiled("evaluate")
        y_hat = self.predict(X)
        y = check_y(y, np.asarray(X), self.output_dim)
        result = {"loss": self.compute_loss(y, y_hat)}
        if self.metrics:
            result["accuracy"] = accuracy(y, y_hat)
        if return_dict:
            return result
        return result["loss"] if len(result) == 1 else list(result.values())

    def get_weights(self):
        """Copies of every layer's weights, in Keras's order: [W1, b1, W2, b2, ...]."""
        return [w for layer in self.layers for w in layer.get_weights()]

    def set_weights(self, weights):
        """Set the weights from a list in ``get_weights``'s order and shapes."""
        if not self.built:
            raise RuntimeError("Build the model first (model.build(input_dim) or fit/predict) "
                               "so that its weights have shapes to fill.")
        expected = sum(len(layer.params) for layer in self.layers)
        if len(weights) != expected:
            raise ValueError(f"The model has {expected} weight arrays. Received: {len(weights)}.")
        i = 0
        for layer in self.layers:
            k = len(layer.params)
            layer.set_weights(weights[i:i + k])
            i += k

    def count_params(self):
        return int(sum(p.size for p in self.params))

    def summary(self):
        """Print each layer, its output width and its number of weights."""
        print(f"{'Layer':<34}{'Output shape':<16}{'Params':>8}")
        for layer in self.layers:
            width = layer.output_dim(layer.input_dim) if layer.built else "?"
            count = sum(p.size for p in layer.params)
            print(f"{layer!r:<34}{'(None, ' + str(width) + ')':<16}{count:>8}")
        print(f"Total params: {self.count_params() if self.built else '? (not built yet)'}")

    def __repr__(self):
        return "Sequential([" + ", ".join(repr(layer) for layer in self.layers) + "])"


def accuracy(y, y_hat):
    """The fraction of rows classified right, as ``fit`` logs it. One output: y_hat >= 0.5
    against y >= 0.5 (Keras's binary accuracy); several: argmax against argmax."""
    if y.shape[1] == 1:
        return float(np.mean((y_hat >= 0.5) == (y >= 0.5)))
    return float(np.mean(np.argmax(y_hat, axis=1) == np.argmax(y, axis=1)))
