"""The same network in Keras (chapter 05: "the libraries do this for you").

``to_keras(model)`` builds a ``keras.Sequential`` with the same layers, activations and
weights as an nnkit model, so both can be trained from identical starting points and
their loss curves compared. Keras is imported here, only when called: it takes seconds.
"""
import os

from .layers import Dense, Dropout

__all__ = ["to_keras", "keras"]


def keras():
    """Import Keras on the JAX backend (unless a backend was already chosen)."""
    os.environ.setdefault("KERAS_BACKEND", "jax")
    import keras as _keras
    return _keras


def to_keras(model, copy_weights=True):
    """A Keras model equivalent to the built nnkit ``model`` (Dense and Dropout layers),
    with its weights copied in (Keras's layout is nnkit's: kernel (in, out), bias (out,)).
    Keras has no signum, step or rss: those raise ValueError."""
    k = keras()
    if not model.built:
        raise ValueError("Build the nnkit model first (fit, predict or model.build(input_dim)).")
    layers = [k.Input(shape=(model.input_dim,))]
    for layer in model.layers:
        if isinstance(layer, Dense):
            name = layer.activation.name
            if name in ("sign", "step"):
                raise ValueError(f"Keras has no {name!r} activation to match layer {layer!r}.")
            reg = layer.kernel_regularizer
            layers.append(k.layers.Dense(
                layer.units, activation=name, use_bias=layer.use_bias,
                kernel_regularizer=None if reg is None else k.regularizers.L1L2(reg.l1, reg.l2)))
        elif isinstance(layer, Dropout):
            layers.append(k.layers.Dropout(layer.rate))
        else:
            raise ValueError(f"to_keras knows Dense and Dropout layers. Received: {layer!r}.")
    kmodel = k.Sequential(layers)
    if copy_weights:
        kmodel.set_weights(model.get_weights())
    return kmodel
