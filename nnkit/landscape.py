"""The loss surface around a solution: slices along lines and planes (chapter 05).

A network with p weights has a loss surface in p + 1 dimensions, which nobody can draw.
What we can draw is a slice: pick a point ``w`` in weight space (usually a trained
solution) and one or two directions ``d1``, ``d2`` of the same shapes, and evaluate

    L(w + alpha d1)              along a line  (a curve over alpha), or
    L(w + alpha d1 + beta d2)    over a plane  (a surface over alpha and beta).

Weights and directions are lists of arrays in ``model.get_weights()``'s order and shapes
(Keras's: ``[W1, b1, W2, b2, ...]``). Every function leaves the model's weights as it
found them.

>>> import nnkit as nk
>>> from nnkit import landscape
>>> X, y = nk.data.regression_1d("cubic", n=50, noise=0.05)
>>> model = nk.Sequential([nk.Dense(4, activation="relu"), nk.Dense(1)], seed=0)
>>> model.compile(optimizer=nk.SGD(learning_rate=0.1), loss="mse")
>>> _ = model.fit(X, y, epochs=50)
>>> d = landscape.random_direction(model, seed=0)
>>> landscape.loss_slice(model, X, y, d, [-1.0, 0.0, 1.0]).shape
(3,)
"""
import numpy as np

from .checks import check_X, check_y

__all__ = ["loss_at", "loss_slice", "random_direction", "direction_between",
           "gradient_norm", "permute_units"]


def _checked_data(model, X, y):
    model._check_compiled("a loss-surface slice")
    X = check_X(X, model.input_dim)
    model._ensure_built(X)
    return X, check_y(y, X, model.output_dim)


def _check_like(weights, reference, name):
    """``weights`` as a list of float arrays with the shapes of ``reference``."""
    if isinstance(weights, np.ndarray) or not hasattr(weights, "__len__"):
        raise TypeError(f"{name} must be a list of arrays in get_weights() order. "
                        f"Received: {type(weights).__name__}.")
    if len(weights) != len(reference):
        raise ValueError(f"{name} must hold {len(reference)} arrays, one per array of "
                         f"get_weights(). Received: {len(weights)} arrays.")
    out = []
    for i, (w, ref) in enumerate(zip(weights, reference)):
        w = np.asarray(w, dtype=float)
        if w.shape != ref.shape:
            raise ValueError(f"{name}[{i}] must have shape {ref.shape} like the model's "
                             f"weight {i}. Received: shape {w.shape}.")
        if not np.all(np.isfinite(w)):
            raise ValueError(f"{name}[{i}] contains NaN or infinite values.")
        out.append(w)
    return out


def _check_steps(values, name):
    values = np.asarray(values, dtype=float)
    if values.ndim != 1 or values.size == 0 or not np.all(np.isfinite(values)):
        raise ValueError(f"{name} must be a non-empty 1-D array of finite numbers, e.g. "
                         f"np.linspace(-1, 1, 41). Received: shape {values.shape}.")
    return values


def _loss(model, X, y):
    return model.compute_loss(y, model.forward(X, training=False))


def loss_at(model, X, y, weights=None):
    """The model's loss on (X, y) with ``weights`` (default: its own), a float. The
    model keeps its own weights."""
    X, y = _checked_data(model, X, y)
    if weights is None:
        return _loss(model, X, y)
    saved = model.get_weights()
    try:
        model.set_weights(_check_like(weights, saved, "weights"))
        return _loss(model, X, y)
    finally:
        model.set_weights(saved)


def loss_slice(model, X, y, directions, alphas, betas=None, origin=None):
    """The loss on (X, y) along a line or over a plane through weight space.

    Args:
        directions: one direction (a list of arrays shaped like ``get_weights()``) for a
            line; a pair ``(d1, d2)`` of them for a plane (then ``betas`` is required).
        alphas: steps along ``d1``, shape (a,); 0 is the origin itself.
        betas: steps along ``d2``, shape (b,), for a plane. Default None: a line.
        origin: the point the slice passes through; default the model's current weights.

    Returns:
        A line: losses of shape (a,), ``L(origin + alphas[i] d1)``.
        A plane: losses of shape (b, a), ``L(origin + alphas[j] d1 + betas[i] d2)`` at
        row i, column j, ready for ``plt.contour(alphas, betas, losses)``.
    """
    X, y = _checked_data(model, X, y)
    saved = model.get_weights()
    origin = saved if origin is None else _check_like(origin, saved, "origin")
    alphas = _check_steps(alphas, "alphas")
    if betas is None:
        d1 = _check_like(directions, saved, "directions")
        points = [(a, 0.0) for a in alphas]
        d2 = [np.zeros_like(w) for w in saved]
        shape = alphas.shape
    else:
        if not (isinstance(directions, (tuple, list)) and len(directions) == 2):
            size = len(directions) if hasattr(directions, "__len__") else "?"
            raise ValueError("A plane needs two directions: directions=(d1, d2). Received: "
                             f"{type(directions).__name__} of length {size}.")
        d1 = _check_like(directions[0], saved, "directions[0]")
        d2 = _check_like(directions[1], saved, "directions[1]")
        betas = _check_steps(betas, "betas")
        points = [(a, b) for b in betas for a in alphas]
        shape = (len(betas), len(alphas))
    losses = np.empty(len(points))
    try:
        for k, (a, b) in enumerate(points):
            model.set_weights([w + a * u + b * v for w, u, v in zip(origin, d1, d2)])
            losses[k] = _loss(model, X, y)
    finally:
        model.set_weights(saved)
    return losses.reshape(shape)


def random_direction(model, seed=None, normalize="filter"):
    """A random direction in weight space, shaped like ``model.get_weights()``.

    Entries are standard normal. With ``normalize="filter"`` (Li et al., 2018,
    "Visualizing the loss landscape of neural nets") each neuron's part of the
    direction (its column of W and its bias) is rescaled to the length of that neuron's
    current weights, so that a step alpha = 1 changes every neuron by about as much as
    its own size, and the slices of different networks can be compared. ``None`` keeps
    the raw normal entries.
    """
    if normalize not in ("filter", None):
        raise ValueError(f"normalize must be 'filter' or None. Received: normalize={normalize!r}")
    if not model.built:
        raise ValueError("Build the model first (fit, predict or model.build(input_dim)).")
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    direction = []
    for layer in model.layers:
        params = layer.params
        d = [rng.normal(size=p.shape) for p in params]
        if normalize == "filter" and params:
            # One column per neuron: the rows of W above its bias.
            units = params[0].shape[-1]
            W = np.vstack([p.reshape(-1, units) for p in params])
            D = np.vstack([u.reshape(-1, units) for u in d])
            D *= np.linalg.norm(W, axis=0) / np.maximum(np.linalg.norm(D, axis=0), 1e-12)
            sizes = np.cumsum([p.size // units for p in params])[:-1]
            d = [part.reshape(p.shape) for part, p in zip(np.split(D, sizes), params)]
        direction.extend(d)
    return direction


def direction_between(start, end):
    """``end - start``, array by array: the direction of the straight line from one set
    of weights to another (alpha = 0 at ``start``, alpha = 1 at ``end``)."""
    end = _check_like(end, [np.asarray(s, dtype=float) for s in start], "end")
    return [e - np.asarray(s, dtype=float) for s, e in zip(start, end)]


def gradient_norm(model, X, y):
    """The length of the full-batch gradient, sqrt(sum of every dL/dw squared), at the
    model's current weights: 0 exactly at a stationary point (a minimum, a maximum, a
    saddle or a flat region)."""
    X, y = _checked_data(model, X, y)
    model.backward(y, model.forward(X, training=False))
    return float(np.sqrt(sum(np.sum(g * g) for g in model.grads)))


def permute_units(model, order, layer=0):
    """The model's weights with the neurons of hidden layer ``layer`` (an index into
    ``model.layers``) reordered by ``order``: columns of its W and entries of its b, and
    the matching rows of the next layer's W. The network computes exactly the same
    function, so it has exactly the same loss: a different point of weight space at the
    same height. Returns a list in ``get_weights()`` order; the model is unchanged."""
    layers = model.layers
    if not (isinstance(layer, (int, np.integer)) and 0 <= layer < len(layers) - 1):
        raise ValueError(f"layer must index a hidden layer, 0 to {len(layers) - 2}. "
                         f"Received: layer={layer!r}")
    if not model.built or not hasattr(layers[layer], "W"):
        raise ValueError(f"Layer {layer} must be a built Dense layer. Received: {layers[layer]!r}.")
    nxt = next((L for L in layers[layer + 1:] if hasattr(L, "W")), None)
    if nxt is None or any(L.params for L in layers[layer + 1:layers.index(nxt)]):
        raise ValueError(f"Layer {layer} must be followed by a Dense layer.")
    units = layers[layer].units
    order = np.asarray(order)
    if order.shape != (units,) or sorted(order.tolist()) != list(range(units)):
        raise ValueError(f"order must be a permutation of 0..{units - 1}. "
                         f"Received: order={order.tolist()}.")
    new = {}
    for p in layers[layer].params:
        new[id(p)] = p[..., order]
    new[id(nxt.W)] = nxt.W[order, :]
    return [new.get(id(p), p).copy() for L in layers for p in L.params]
