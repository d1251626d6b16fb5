"""Small data sets made on the spot, all seeded, none downloaded.

Every generator returns ``X`` of shape (n, d) and ``y`` of shape (n, 1): class labels
0, 1, ... for classification (``one_hot`` turns them into rows for softmax), numbers
for regression. The 2-D sets are the ones TensorFlow Playground uses.
"""
import numpy as np

from .checks import as_float_array, check_X, check_y

__all__ = ["logic_gate", "GATES", "xor", "circle", "gaussians", "spiral", "regression_1d",
           "REGRESSION_TARGETS", "train_val_split", "add_noise", "one_hot"]

# The truth tables of the two-input gates, rows in the order (0,0), (0,1), (1,0), (1,1).
GATES = {"and": [0, 0, 0, 1], "or": [0, 1, 1, 1], "nand": [1, 1, 1, 0],
         "nor": [1, 0, 0, 0], "xor": [0, 1, 1, 0], "xnor": [1, 0, 0, 1]}


def _rng(seed):
    return seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)


def _check_n(n, minimum=1):
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < minimum:
        raise ValueError(f"n must be an integer >= {minimum}. Received: n={n!r}")
    return int(n)


def logic_gate(name):
    """The four inputs of a two-input gate and its outputs: X (4, 2), y (4, 1) of 0/1."""
    key = str(name).lower()
    if key not in GATES:
        raise ValueError(f"Unknown gate {name!r}; expected one of {list(GATES)}.")
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    return X, np.array(GATES[key], dtype=float).reshape(-1, 1)


def xor(n=200, noise=0.0, seed=0):
    """XOR as a cloud: points uniform in [-1, 1]^2, class 1 where x1 and x2 have
    different signs. ``noise`` (std) jitters the points after labelling."""
    rng = _rng(seed)
    X = rng.uniform(-1, 1, size=(_check_n(n), 2))
    y = (np.sign(X[:, 0]) != np.sign(X[:, 1])).astype(float).reshape(-1, 1)
    return X + rng.normal(0, noise, X.shape), y


def circle(n=200, noise=0.1, seed=0):
    """Class 1 inside a disc of radius 0.5, class 0 on a ring from 0.7 to 1, half each."""
    rng = _rng(seed)
    n = _check_n(n, 2)
    inner = n // 2
    r = np.concatenate([rng.uniform(0, 0.5, inner), rng.uniform(0.7, 1.0, n - inner)])
    angle = rng.uniform(0, 2 * np.pi, n)
    X = np.column_stack([r * np.cos(angle), r * np.sin(angle)])
    y = np.concatenate([np.ones(inner), np.zeros(n - inner)]).reshape(-1, 1)
    return X + rng.normal(0, noise, X.shape), y


def gaussians(n=200, classes=2, std=0.5, seed=0):
    """``classes`` round blobs with standard deviation ``std``, their centres evenly
    spaced on a circle of radius 1.5; labels 0 .. classes - 1, as evenly as n allows."""
    rng = _rng(seed)
    n = _check_n(n, classes)
    if not isinstance(classes, (int, np.integer)) or classes < 2:
        raise ValueError(f"classes must be an integer >= 2. Received: classes={classes!r}")
    labels = np.arange(n) % classes
    angles = 2 * np.pi * labels / classes + np.pi / 4
    centres = 1.5 * np.column_stack([np.cos(angles), np.sin(angles)])
    return centres + rng.normal(0, std, (n, 2)), labels.astype(float).reshape(-1, 1)


def spiral(n=300, classes=2, noise=0.1, turns=1.0, seed=0):
    """Interleaved spiral arms, one per class, winding ``turns`` times out to radius 1."""
    rng = _rng(seed)
    n = _check_n(n, classes)
    labels = np.arange(n) % classes
    t = rng.uniform(0.05, 1, n)
    angle = 2 * np.pi * (turns * t + labels / classes)
    X = np.column_stack([t * np.cos(angle), t * np.sin(angle)])
    return X + rng.normal(0, noise, X.shape), labels.astype(float).reshape(-1, 1)


REGRESSION_TARGETS = {
    "sine": lambda x: np.sin(np.pi * x),
    "step": lambda x: np.where(x >= 0, 1.0, 0.0),
    "abs": np.abs,
    "cubic": lambda x: x ** 3 - 0.5 * x,
    "gauss": lambda x: np.exp(-8 * x ** 2),
}


def regression_1d(target="sine", n=100, noise=0.0, seed=0, grid=False):
    """X (n, 1) in [-1, 1] and y = f(X) + normal noise, for f in ``REGRESSION_TARGETS``
    or any callable. ``grid=True`` gives evenly spaced X instead of uniform random."""
    f = REGRESSION_TARGETS.get(target) if isinstance(target, str) else target
    if not callable(f):
        raise ValueError(f"Unknown target {target!r}; expected one of "
                         f"{list(REGRESSION_TARGETS)} or a function of x.")
    rng = _rng(seed)
    n = _check_n(n)
    x = np.linspace(-1, 1, n) if grid else np.sort(rng.uniform(-1, 1, n))
    X = x.reshape(-1, 1)
    return X, f(X) + rng.normal(0, noise, X.shape)


def train_val_split(X, y, val_fraction=0.25, seed=0):
    """Shuffle and split into (X_train, y_train), (X_val, y_val); the validation part
    has round(val_fraction * n) rows, at least one."""
    X = check_X(X)
    y = check_y(y, X)
    if not 0 < val_fraction < 1:
        raise ValueError(f"val_fraction must be in (0, 1). Received: {val_fraction!r}")
    order = _rng(seed).permutation(len(X))
    n_val = min(max(1, round(val_fraction * len(X))), len(X) - 1)
    val, train = order[:n_val], order[n_val:]
    return (X[train], y[train]), (X[val], y[val])


def add_noise(X, scale=0.1, seed=0):
    """A copy of X plus normal noise with standard deviation ``scale``."""
    X = as_float_array(X, "X")
    return X + _rng(seed).normal(0, scale, X.shape)


def one_hot(labels, num_classes=None):
    """Integer labels (n,) or (n, 1) as one-hot rows (n, num_classes)."""
    labels = as_float_array(labels, "labels")
    if labels.ndim == 2 and labels.shape[1] == 1:
        labels = labels.ravel()
    if labels.ndim != 1 or np.any(labels != np.round(labels)) or np.any(labels < 0):
        raise ValueError("labels must be non-negative integers of shape (n,) or (n, 1). "
                         f"Received: shape {labels.shape}, values {np.unique(labels)[:5]}.")
    k = int(labels.max()) + 1 if num_classes is None else int(num_classes)
    if labels.size and labels.max() >= k:
        raise ValueError(f"num_classes={k}, but the labels go up to {int(labels.max())}.")
    return np.eye(k)[labels.astype(int)]
