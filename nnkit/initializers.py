"""Weight initializers: how a layer's kernel starts (chapters 03 and 06).

Each takes a shape ``(fan_in, fan_out)`` and a numpy Generator and returns float64
weights. The names and scales are Keras's, so a model built with the same initializer
starts in the same distribution (not with the same numbers: the generators differ).
"""
import numpy as np

__all__ = ["get", "names"]


def glorot_uniform(shape, rng):
    """Uniform in [-l, l] with l = sqrt(6 / (fan_in + fan_out)): Keras's default for Dense."""
    limit = np.sqrt(6.0 / (shape[0] + shape[1]))
    return rng.uniform(-limit, limit, size=shape)


def glorot_normal(shape, rng):
    """Normal with std sqrt(2 / (fan_in + fan_out)), keeping the variance of a and of
    dL/da about equal from layer to layer (good for tanh and sigmoid)."""
    return rng.normal(0.0, np.sqrt(2.0 / (shape[0] + shape[1])), size=shape)


def he_normal(shape, rng):
    """Normal with std sqrt(2 / fan_in): the scale that keeps ReLU layers' variance steady.
    (Keras truncates this normal at two standard deviations; we do not.)"""
    return rng.normal(0.0, np.sqrt(2.0 / shape[0]), size=shape)


def he_uniform(shape, rng):
    """Uniform in [-l, l] with l = sqrt(6 / fan_in)."""
    limit = np.sqrt(6.0 / shape[0])
    return rng.uniform(-limit, limit, size=shape)


def random_normal(shape, rng, stddev=0.05):
    """Normal with std 0.05, whatever the layer's size (Keras's RandomNormal default)."""
    return rng.normal(0.0, stddev, size=shape)


def zeros(shape, rng=None):
    """All zeros: fine for biases; for kernels every unit stays a copy of the others."""
    return np.zeros(shape)


_REGISTRY = {f.__name__: f for f in [glorot_uniform, glorot_normal, he_normal, he_uniform,
                                     random_normal, zeros]}


def names():
    return list(_REGISTRY)


def get(identifier):
    """An initializer from its name, or any callable ``f(shape, rng)``."""
    if isinstance(identifier, str) and identifier in _REGISTRY:
        return _REGISTRY[identifier]
    if callable(identifier) and not isinstance(identifier, str):
        return identifier
    raise ValueError(f"Unknown initializer {identifier!r}; expected one of {names()} "
                     "or a callable f(shape, rng).")
