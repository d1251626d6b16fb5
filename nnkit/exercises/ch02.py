"""Checks for the exercises of chapter 02 (XOR and hidden layers)."""
import functools

import numpy as np

from .. import data
from ..experiments import curve_error
from ..layers import Dense
from ..models import Sequential
from ..optimizers import Adam

# The 16 functions of two bits, by their outputs on (0,0), (0,1), (1,0), (1,1).
GATE_NAMES = {
    (0, 0, 0, 0): "always 0", (0, 0, 0, 1): "AND", (0, 0, 1, 0): "x1 AND NOT x2",
    (0, 0, 1, 1): "x1", (0, 1, 0, 0): "NOT x1 AND x2", (0, 1, 0, 1): "x2",
    (0, 1, 1, 0): "XOR", (0, 1, 1, 1): "OR", (1, 0, 0, 0): "NOR", (1, 0, 0, 1): "XNOR",
    (1, 0, 1, 0): "NOT x2", (1, 0, 1, 1): "x1 OR NOT x2", (1, 1, 0, 0): "NOT x1",
    (1, 1, 0, 1): "NOT x1 OR x2", (1, 1, 1, 0): "NAND", (1, 1, 1, 1): "always 1",
}


def gate_name(outputs):
    """The name of the two-input gate with these outputs on the rows (0,0), (0,1),
    (1,0), (1,1), read as 1 where the output is > 0 (signum's +1, or 1)."""
    key = tuple(int(v > 0) for v in np.ravel(outputs))
    if len(key) != 4:
        raise ValueError(f"Expected the outputs on the four rows of a gate. "
                         f"Received: {len(key)} values.")
    return GATE_NAMES[key]


def _sign_network(weights, activation="sign", units_out=1):
    """A Sequential of two Dense layers with the given [W1, b1, W2, b2]."""
    if not isinstance(weights, (list, tuple)) or len(weights) != 4:
        raise ValueError("weights must be a list [W1, b1, W2, b2]. Received: "
                         f"{type(weights).__name__} of length "
                         f"{len(weights) if hasattr(weights, '__len__') else '?'}.")
    W1, b1, W2, b2 = (np.asarray(w, dtype=float) for w in weights)
    k = W1.shape[1] if W1.ndim == 2 else None
    d = W1.shape[0] if W1.ndim == 2 else None
    expected = [(d, k), (k,), (k, units_out), (units_out,)]
    received = [W1.shape, b1.shape, W2.shape, b2.shape]
    if k is None or received != expected:
        raise ValueError(f"Shapes must be W1 (inputs, k), b1 (k,), W2 (k, {units_out}), "
                         f"b2 ({units_out},), for k hidden neurons. Received: {received}.")
    net = Sequential([Dense(k, activation=activation), Dense(units_out, activation=
                      activation if activation == "sign" else None)])
    net.build(d)
    net.set_weights([W1, b1, W2, b2])
    return net


def check_xor_network(weights):
    """A signum network [W1 (2, k), b1 (k,), W2 (k, 1), b2 (1,)] that computes XOR with
    hidden neurons other than the chapter's OR and NAND."""
    net = _sign_network(weights)
    X, y = data.logic_gate("xor")
    hidden, out = net.layer_outputs(X)
    names = [gate_name(hidden[:, j]) for j in range(hidden.shape[1])]
    rows = "\n".join(f"  x = ({a:g}, {b:g})  hidden {h.astype(int).tolist()}  "
                     f"output {int(o[0] > 0)}  target {int(t[0])}"
                     for (a, b), h, o, t in zip(X, hidden, out, y))
    wrong = int(np.sum((out > 0) != (y > 0.5)))
    if wrong:
        raise AssertionError(f"Not yet: the network gets {wrong} of XOR's 4 rows wrong. Its "
                             f"hidden neurons compute {', '.join(names)}.\n{rows}")
    if sorted(names) == ["NAND", "OR"]:
        raise AssertionError("This computes XOR, but with the chapter's decomposition "
                             "(OR and NAND, then AND). Find different hidden gates, for "
                             "example two that each fire for exactly one of the rows "
                             "(0, 1) and (1, 0).")
    combine = ""
    if hidden.shape[1] == 2:  # name the output gate on the corners (-1/+1) of h1, h2
        corners = np.array([[-1.0, -1.0], [-1.0, 1.0], [1.0, -1.0], [1.0, 1.0]])
        gate = gate_name(net.layers[1].forward(corners)).replace("x", "h")
        combine = f",\nand the output neuron computes {gate} of them (h1, h2)"
    print(f"Correct: XOR from hidden neurons computing {', '.join(names)}{combine}.\n{rows}")


def wave(x):
    """The target of the "how many neurons" exercise: two full periods of a sine on
    [-1, 1], sin(2 pi x)."""
    return np.sin(2 * np.pi * x)


def one_hidden_layer(width, seed=0):
    """The chapter's model: ``width`` tanh neurons, each starting as a soft step
    tanh(s (x - c)) with slope s ~ N(0, 5^2) and centre c uniform in [-1, 1], a linear
    output neuron, mean squared error, Adam with learning rate 0.05."""
    if isinstance(width, bool) or not isinstance(width, (int, np.integer)) or width < 1:
        raise ValueError(f"width must be a positive integer. Received: width={width!r}")
    model = Sequential([Dense(int(width), activation="tanh"), Dense(1)], seed=seed)
    model.build(input_dim=1)
    rng = np.random.default_rng(seed)
    slopes = rng.normal(0, 5, size=(1, width))
    centres = rng.uniform(-1, 1, size=width)
    model.set_weights([slopes, -slopes[0] * centres,
                       rng.normal(0, 1 / np.sqrt(width), size=(width, 1)), np.zeros(1)])
    model.compile(optimizer=Adam(learning_rate=0.05), loss="mse")
    return model


@functools.lru_cache(maxsize=None)
def wave_error(width, seed=0, epochs=800):
    """Train ``one_hidden_layer(width, seed)`` on 200 evenly spaced points of ``wave``
    for ``epochs`` full-batch epochs and return its RMSE on [-1, 1] (1001 points).
    Results are cached, so asking twice costs nothing."""
    X = np.linspace(-1, 1, 200).reshape(-1, 1)
    model = one_hidden_layer(width, seed)
    model.fit(X, wave(X), epochs=epochs, batch_size=len(X))
    return curve_error(model, wave)


def check_min_width(width, tolerance=0.05, seed=0):
    """Is ``width`` the fewest hidden neurons with which ``wave_error(width, seed)`` is
    below ``tolerance``?"""
    if isinstance(width, bool) or not isinstance(width, (int, np.integer)) or width < 1:
        raise ValueError(f"width must be a positive integer. Received: width={width!r}")
    errors = {w: wave_error(w, seed) for w in range(1, int(width) + 1)}
    table = "  ".join(f"{w}: {e:.3f}" for w, e in errors.items())
    if errors[width] >= tolerance:
        raise AssertionError(f"Not yet: with {width} neurons the RMSE is {errors[width]:.3f}, "
                             f"not below {tolerance}. Try more neurons.\n  RMSE by width: {table}")
    smaller = [w for w in range(1, width) if errors[w] < tolerance]
    if smaller:
        raise AssertionError(f"{width} neurons are enough, but so are {smaller[0]}: the "
                             f"question asks for the fewest.\n  RMSE by width: {table}")
    fewer = (f"; {width - 1} reach only {errors[width - 1]:.3f}" if width > 1 else "")
    print(f"Correct: {width} neurons reach RMSE {errors[width]:.3f} < {tolerance}{fewer}.")


def check_collapse(model, W, b):
    """Is (W, b) the single linear layer equivalent to ``model``, a Sequential of Dense
    layers with linear activations: model.predict(X) == X @ W + b for every X?"""
    layers = getattr(model, "layers", None)
    if not layers or not model.built:
        raise ValueError("model must be a built Sequential of Dense layers. "
                         f"Received: {model!r}.")
    bent = [repr(layer) for layer in layers
            if not isinstance(layer, Dense) or layer.activation.name != "linear"]
    if bent:
        raise ValueError("Only a network of linear layers collapses to one linear layer. "
                         f"Received layers that are not linear: {bent}.")
    W, b = np.asarray(W, dtype=float), np.asarray(b, dtype=float)
    d, k = model.input_dim, layers[-1].units
    if W.shape != (d, k) or b.shape != (k,):
        raise ValueError(f"Expected W of shape ({d}, {k}) and b of shape ({k},). "
                         f"Received: W {W.shape}, b {b.shape}.")
    X = np.random.default_rng(0).normal(size=(50, d))
    gap = float(np.max(np.abs(model.predict(X) - (X @ W + b))))
    if not gap < 1e-9:
        raise AssertionError(f"Not yet: X @ W + b differs from the network's output by up "
                             f"to {gap:.3g}. Multiply the weight matrices in order, and "
                             "carry each bias through the layers after it.")
    print(f"Correct: {len(layers)} linear layers are the single layer X @ W + b\n"
          f"(largest difference {gap:.1e}).")


def check_abs_weights(weights):
    """A ReLU network [W1 (1, k), b1 (k,), W2 (k, 1), b2 (1,)] with linear output that
    computes |x| exactly on [-3, 3]."""
    net = _sign_network(weights, activation="relu")
    x = np.linspace(-3, 3, 601).reshape(-1, 1)
    if net.input_dim != 1:
        raise ValueError(f"The network must take one input x. Received: W1 of shape "
                         f"{net.layers[0].W.shape}.")
    gap = float(np.max(np.abs(net.predict(x) - np.abs(x))))
    if not gap < 1e-9:
        worst = float(x[np.argmax(np.abs(net.predict(x) - np.abs(x)))][0])
        raise AssertionError(f"Not yet: the network is off |x| by up to {gap:.3g} "
                             f"(at x = {worst:g}).")
    print(f"Correct: {net.layers[0].units} ReLU neurons compute |x| exactly.")
