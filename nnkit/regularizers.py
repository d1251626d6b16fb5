"""Weight penalties added to the loss (chapter 06), with Keras's names and scales.

``L2(0.01)`` adds ``0.01 * sum(W**2)`` to the loss, so gradient descent also pulls every
weight towards 0 by ``2 * 0.01 * W``; ``L1(0.01)`` adds ``0.01 * sum(|W|)`` and pulls by a
constant ``0.01 * sign(W)``, which pushes small weights to 0 (with plain gradient steps
they end up hovering around 0 rather than exactly at it, as chapter 06 measures).
"""
import numpy as np

__all__ = ["Regularizer", "L1", "L2", "L1L2", "get"]


class Regularizer:
    """``penalty(W)`` is added to the loss; ``gradient(W)`` is its derivative dPenalty/dW."""

    def __init__(self, l1=0.0, l2=0.0):
        for name, value in [("l1", l1), ("l2", l2)]:
            if not (isinstance(value, (int, float, np.number)) and np.isfinite(value) and value >= 0):
                raise ValueError(f"{name} must be a number >= 0. Received: {name}={value!r}")
        self.l1, self.l2 = float(l1), float(l2)

    def penalty(self, W):
        return self.l1 * float(np.sum(np.abs(W))) + self.l2 * float(np.sum(W ** 2))

    def gradient(self, W):
        return self.l1 * np.sign(W) + 2.0 * self.l2 * W

    def __repr__(self):
        return f"{type(self).__name__}(l1={self.l1}, l2={self.l2})"


class L1(Regularizer):
    def __init__(self, l1=0.01):
        super().__init__(l1=l1)


class L2(Regularizer):
    def __init__(self, l2=0.01):
        super().__init__(l2=l2)


class L1L2(Regularizer):
    pass


def get(identifier):
    """``None``, a Regularizer, or the names "l1" and "l2" (with Keras's default 0.01)."""
    if identifier is None or isinstance(identifier, Regularizer):
        return identifier
    if identifier in ("l1", "l2"):
        return L1() if identifier == "l1" else L2()
    raise ValueError(f"Unknown regularizer {identifier!r}; expected None, 'l1', 'l2' "
                     "or an nnkit.regularizers.Regularizer such as L2(0.01).")
