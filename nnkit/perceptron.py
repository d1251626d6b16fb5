"""Rosenblatt's perceptron: one signum neuron and its learning rule (chapter 01).

The neuron computes ``z = w0 * 1 + w1 x1 + ... + wd xd`` and outputs ``sign(z)``: +1 if
z >= 0, else -1. The weight ``w0`` multiplies a dummy input that is always 1: that is
the bias. The learning rule visits the examples one at a time and, whenever the output
is wrong, nudges the weights towards the right answer::

    w <- w + learning_rate * y * x        (with x = [1, x1, ..., xd] and y = +1 or -1)

If the two classes can be separated by a line (a hyperplane), this stops after finitely
many mistakes (Novikoff, 1962). If they cannot, as with XOR, it never stops.

>>> import nnkit as nk
>>> X, y = nk.data.logic_gate("and")
>>> nk.Perceptron().fit(X, y, epochs=10).predict(X).ravel()
array([0., 0., 0., 1.])
"""
import warnings

import numpy as np

from .checks import check_X, check_y

__all__ = ["Perceptron", "ConvergenceWarning", "truth_table"]


class ConvergenceWarning(UserWarning):
    """The perceptron ran out of epochs while it was still making mistakes."""


class Perceptron:
    """A single signum neuron trained by the perceptron rule.

    Args:
        learning_rate: the size of each correction. Default 1.0 (with weights starting
            at zero, any positive value learns the same line, only scaled).
        init: "zeros" (Rosenblatt's start, the default) or "random" (small normal weights).
        shuffle: visit the examples in a new random order every epoch. Default False, so
            the steps can be followed by hand.
        seed: seeds the random choices (init="random", shuffle=True).

    After ``fit``: ``w`` (d + 1,) with the bias first, ``converged_``, ``errors_``
    (mistakes in each epoch) and ``steps_`` (one record per example visited).
    """

    def __init__(self, learning_rate=1.0, init="zeros", shuffle=False, seed=None):
        if not (np.isscalar(learning_rate) and learning_rate > 0):
            raise ValueError(f"learning_rate must be a positive number. "
                             f"Received: learning_rate={learning_rate!r}")
        if init not in ("zeros", "random"):
            raise ValueError(f"init must be 'zeros' or 'random'. Received: init={init!r}")
        self.learning_rate, self.init, self.shuffle = float(learning_rate), init, shuffle
        self.rng = np.random.default_rng(seed)
        self.w = None

    @property
    def bias(self):
        return self.w[0]

    @property
    def kernel(self):
        return self.w[1:]

    def _to_signs(self, y):
        """Targets of either 0/1 or -1/+1 labels, as -1/+1; remembers which for predict."""
        labels = set(np.unique(y).tolist())
        if labels <= {0.0, 1.0}:
            self.labels_ = (0.0, 1.0)
        elif labels <= {-1.0, 1.0}:
            self.labels_ = (-1.0, 1.0)
        else:
            raise ValueError(f"y must hold two classes labelled 0/1 or -1/+1. "
                             f"Received labels: {sorted(labels)}.")
        return np.where(y == self.labels_[1], 1.0, -1.0)

    def fit(self, X, y, epochs=10):
        """Run the perceptron rule for at most ``epochs`` passes; stop after a pass with
        no mistakes. Warns (ConvergenceWarning) if mistakes remain at the end."""
        X = check_X(X)
        t = self._to_signs(check_y(y, X, 1).ravel())
        if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)) or epochs < 1:
            raise ValueError(f"epochs must be a positive integer. Received: epochs={epochs!r}")
        X1 = np.hstack([np.ones((len(X), 1)), X])  # the dummy input 1 carries the bias
        self.w = (self.rng.normal(0, 0.1, X1.shape[1]) if self.init == "random"
                  else np.zeros(X1.shape[1]))
        self.errors_, self.steps_, self.converged_ = [], [], False
        for epoch in range(epochs):
            order = self.rng.permutation(len(X)) if self.shuffle else range(len(X))
            mistakes = 0
            for i in order:
                z = X1[i] @ self.w
                out = 1.0 if z >= 0 else -1.0
                w_before = self.w.copy()
                if out != t[i]:
                    self.w = self.w + self.learning_rate * t[i] * X1[i]
                    mistakes += 1
                self.steps_.append({"epoch": epoch + 1, "x": X[i].copy(), "target": t[i],
                                    "z": z, "output": out, "w_before": w_before,
                                    "w_after": self.w.copy()})
            self.errors_.append(mistakes)
            if mistakes == 0:
                self.converged_ = True
                break
        if not self.converged_:
            warnings.warn(f"The perceptron did not converge in {epochs} epochs: it still made "
                          f"{self.errors_[-1]} mistakes in the last one. If no line separates "
                          "the two classes (XOR), no number of epochs will do.",
                          ConvergenceWarning, stacklevel=2)
        return self

    def decision_function(self, X):
        """z = w0 + X @ w[1:], shape (n,): positive on the +1 side of the line."""
        if self.w is None:
            raise RuntimeError("Call fit() before predict(): the perceptron has no weights yet.")
        X = check_X(X, len(self.w) - 1)
        return self.w[0] + X @ self.w[1:]

    def predict(self, X):
        """Labels in the set fit saw (0/1 or -1/+1), shape (n, 1)."""
        z = self.decision_function(X)
        return np.where(z >= 0, self.labels_[1], self.labels_[0]).reshape(-1, 1)

    def __repr__(self):
        w = "unfitted" if self.w is None else f"w={np.round(self.w, 3).tolist()}"
        return f"Perceptron({w})"


def truth_table(w, X, y=None):
    """The table a signum neuron with weights ``w`` = (bias, w1, ..., wd) computes on
    the rows of X, as text: inputs, z, output as 0/1, and the target and a tick if y is
    given. Also accepts a fitted Perceptron."""
    w = np.asarray(w.w if isinstance(w, Perceptron) else w, dtype=float)
    X = check_X(X, len(w) - 1)
    z = w[0] + X @ w[1:]
    out = (z >= 0).astype(int)
    names = [f"x{i + 1}" for i in range(X.shape[1])]
    head = " ".join(f"{n:>3}" for n in names) + "      z  out"
    rows = []
    if y is not None:
        y = check_y(y, X, 1).ravel()
        head += "  target"
    for i in range(len(X)):
        row = " ".join(f"{v:>3g}" for v in X[i]) + f" {z[i]:>6.2f} {out[i]:>4d}"
        if y is not None:
            row += f"  {int(y[i]):>6d} " + ("ok" if out[i] == y[i] else "WRONG")
        rows.append(row)
    return "\n".join([head] + rows)
