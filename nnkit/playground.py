"""TensorFlow Playground on nnkit (chapter 09): one state object, and a runner that trains it.

``PlaygroundState`` holds every setting the Playground's controls show, and nothing else,
so that a setting can be written out (``to_json``), shared and loaded back
(``from_json``). ``Playground(state)`` builds the data, the input features and the model
from it, and trains epoch by epoch, keeping the train and test loss after each epoch.
Numeric only: the pictures live in ``nnkit.plot.playground``, the controls in
``nnkit.widgets.playground``.

>>> import nnkit as nk
>>> pg = nk.playground.Playground(nk.playground.PlaygroundState(dataset="xor",
...          features=("x1", "x2", "x1x2"), hidden_layers=()))
>>> pg.step(20).test_accuracy() > 0.9
True
"""
import dataclasses
import json
from dataclasses import dataclass

import numpy as np

from . import data
from .layers import Dense
from .models import DivergenceError, Sequential, accuracy
from .optimizers import SGD
from .regularizers import L1, L2

__all__ = ["PlaygroundState", "Playground", "FEATURES", "DATASETS", "ACTIVATIONS",
           "REGULARIZATIONS", "LEARNING_RATES", "REGULARIZATION_RATES", "SCALE", "make_features"]

# Like the Playground, the features are computed on coordinates u = SCALE * x, so that
# nnkit's data sets (radius about 1) span about -5 .. 5, as the Playground's points do in
# its -6 .. 6 view: sin(u) then runs through about 1.6 periods across the data, and
# u1^2 reaches about 25.
SCALE = 5.0
FEATURES = {
    "x1": lambda u: u[:, 0], "x2": lambda u: u[:, 1],
    "x1^2": lambda u: u[:, 0] ** 2, "x2^2": lambda u: u[:, 1] ** 2,
    "x1x2": lambda u: u[:, 0] * u[:, 1],
    "sin(x1)": lambda u: np.sin(u[:, 0]), "sin(x2)": lambda u: np.sin(u[:, 1]),
}
FEATURE_LABELS = {"x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1x2": "x₁·x₂",
                  "sin(x1)": "sin x₁", "sin(x2)": "sin x₂"}
DATASETS = ("circle", "xor", "gaussians", "spiral")
ACTIVATIONS = ("relu", "tanh", "sigmoid", "linear")
REGULARIZATIONS = ("none", "l1", "l2")
MAX_LAYERS, MAX_UNITS = 6, 8  # the Playground's limits
# The Playground's menus of learning rates and regularization rates.
LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
REGULARIZATION_RATES = [0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]


def _is_int(v):
    return isinstance(v, (int, np.integer)) and not isinstance(v, bool)


def _is_number(v):
    return isinstance(v, (int, float, np.number)) and not isinstance(v, bool) and np.isfinite(v)


def _in(options):
    return lambda v: isinstance(v, str) and v in options


# One row per setting: (test, what is expected). A value that fails its row raises a
# ValueError naming the setting, the value received and what was expected.
_RULES = {
    "dataset": (_in(DATASETS), f"one of {list(DATASETS)}"),
    "noise": (lambda v: _is_number(v) and 0 <= v <= 0.5, "a number from 0 to 0.5"),
    "train_fraction": (lambda v: _is_number(v) and 0.1 <= v <= 0.9, "a number from 0.1 to 0.9"),
    "features": (lambda v: isinstance(v, tuple) and all(isinstance(f, str) and f in FEATURES
                                                         for f in v) and 0 < len(set(v)) == len(v),
                 f"a non-empty list of distinct names from {list(FEATURES)}"),
    "hidden_layers": (lambda v: isinstance(v, tuple) and len(v) <= MAX_LAYERS
                      and all(_is_int(k) and 1 <= k <= MAX_UNITS for k in v),
                      f"a list of at most {MAX_LAYERS} widths, each an integer from 1 to "
                      f"{MAX_UNITS}"),
    "activation": (_in(ACTIVATIONS), f"one of {list(ACTIVATIONS)}"),
    "learning_rate": (lambda v: _is_number(v) and 0 < v <= 10, "a number in (0, 10]"),
    "regularization": (_in(REGULARIZATIONS), f"one of {list(REGULARIZATIONS)}"),
    "regularization_rate": (lambda v: _is_number(v) and 0 <= v <= 10, "a number from 0 to 10"),
    "batch_size": (lambda v: _is_int(v) and 1 <= v <= 1000, "an integer from 1 to 1000"),
    "seed": (lambda v: _is_int(v) and v >= 0, "an integer >= 0"),
    "points": (lambda v: _is_int(v) and 20 <= v <= 2000, "an integer from 20 to 2000"),
}


@dataclass
class PlaygroundState:
    """Every setting of the Playground. Noise is the standard deviation of the jitter
    added to each coordinate (for "gaussians", added to the blobs' 0.3); ``hidden_layers``
    lists the widths of the hidden layers, ``()`` for none; ``regularization_rate`` is
    the ``l`` of ``L1(l)`` or ``L2(l)``. Validated on creation: a bad value raises a
    ``ValueError`` that names it."""
    dataset: str = "circle"
    noise: float = 0.0
    train_fraction: float = 0.5
    features: tuple = ("x1", "x2")
    hidden_layers: tuple = (4, 2)
    activation: str = "tanh"
    learning_rate: float = 0.03
    regularization: str = "none"
    regularization_rate: float = 0.0
    batch_size: int = 10
    seed: int = 0
    points: int = 400

    def __post_init__(self):
        # Lists (from JSON, or typed by hand) become tuples, so that states compare equal.
        if isinstance(self.features, list):
            self.features = tuple(self.features)
        if isinstance(self.hidden_layers, (list, tuple, np.ndarray)):
            self.hidden_layers = tuple(int(k) if _is_int(k) else k for k in self.hidden_layers)
        self.validate()

    def validate(self):
        for name, (ok, expected) in _RULES.items():
            value = getattr(self, name)
            if not ok(value):
                raise ValueError(f"PlaygroundState.{name} must be {expected}. "
                                 f"Received: {name}={value!r}")
        return self

    def replace(self, **changes):
        """A copy with some settings changed (validated)."""
        return dataclasses.replace(self, **changes)

    def to_dict(self):
        d = dataclasses.asdict(self)
        d["features"], d["hidden_layers"] = list(self.features), list(self.hidden_layers)
        return d

    def to_json(self, indent=None):
        # numpy scalars (a width from np.arange, a rate from np.logspace) as plain numbers
        return json.dumps(self.to_dict(), indent=indent, default=lambda v: v.item())

    @classmethod
    def from_dict(cls, d):
        if not isinstance(d, dict):
            raise TypeError(f"A PlaygroundState is loaded from a dict. Received: "
                            f"{type(d).__name__} {d!r}")
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(d) - names)
        if unknown:
            raise ValueError(f"Unknown PlaygroundState settings {unknown}; expected some of "
                             f"{sorted(names)}.")
        return cls(**d)

    @classmethod
    def from_json(cls, text):
        try:
            d = json.loads(text)
        except (TypeError, json.JSONDecodeError) as e:
            raise ValueError(f"Not valid JSON for a PlaygroundState ({e}). "
                             f"Received: {str(text)[:80]!r}") from None
        return cls.from_dict(d)


def make_features(X, features):
    """The input columns the network sees, one per name in ``features``: (n, 2) -> (n, k)."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2). Received: shape {X.shape}")
    unknown = [f for f in features if f not in FEATURES]
    if unknown or not features:
        raise ValueError(f"features must be names from {list(FEATURES)}. "
                         f"Received: {list(features)!r}")
    u = SCALE * X
    return np.column_stack([FEATURES[f](u) for f in features])


_MAKERS = {  # the state's data set from nnkit.data: (n, noise, seed) -> X, y
    "circle": lambda n, noise, seed: data.circle(n, noise=noise, seed=seed),
    "xor": lambda n, noise, seed: data.xor(n, noise=noise, seed=seed),
    "gaussians": lambda n, noise, seed: data.gaussians(n, std=0.3 + noise, seed=seed),
    "spiral": lambda n, noise, seed: data.spiral(n, noise=noise, turns=1.5, seed=seed),
}


def make_data(state):
    """All the points of the state's data set, X (n, 2) and y (n, 1) of 0/1."""
    return _MAKERS[state.dataset](state.points, state.noise, state.seed)


class Playground:
    """Runs one ``PlaygroundState``: data split into train and test by
    ``train_fraction``, features, and a ``Sequential`` of the hidden layers plus one
    sigmoid output, trained with SGD on binary cross-entropy. ``step(epochs)`` trains;
    ``history`` holds the train and test loss (cross-entropy, without the penalty)
    after every epoch, with epoch 0 the untrained network."""

    def __init__(self, state=None):
        if state is None:
            state = PlaygroundState()
        if not isinstance(state, PlaygroundState):
            raise TypeError(f"Playground takes a PlaygroundState. Received: {state!r}")
        self.state = state.validate()
        X, y = make_data(state)
        (self.X_train, self.y_train), (self.X_test, self.y_test) = data.train_val_split(
            X, y, val_fraction=1 - state.train_fraction, seed=state.seed)
        self.extent = float(np.ceil(np.abs(X).max() * 4) / 4)  # the view: [-extent, extent]^2
        self.reset()

    def reset(self):
        """New initial weights (from the seed) and an empty history."""
        s = self.state
        reg = {"none": None, "l1": L1, "l2": L2}[s.regularization]
        reg = reg(s.regularization_rate) if reg and s.regularization_rate > 0 else None
        act = None if s.activation == "linear" else s.activation
        self.model = Sequential([Dense(k, activation=act, kernel_regularizer=reg)
                                 for k in s.hidden_layers]
                                + [Dense(1, activation="sigmoid", kernel_regularizer=reg)],
                                seed=s.seed)
        self.model.compile(optimizer=SGD(learning_rate=s.learning_rate),
                           loss="binary_crossentropy")
        self.F_train = make_features(self.X_train, s.features)
        self.F_test = make_features(self.X_test, s.features)
        self.model.build(self.F_train.shape[1])
        self.epoch, self.diverged = 0, False
        self.history = {"loss": [], "val_loss": []}
        self._record()
        return self

    def _loss(self, F, y):
        with np.errstate(over="ignore", invalid="ignore"):
            return float(self.model.loss(y, self.model.predict(F)))

    def _record(self):
        self.history["loss"].append(self._loss(self.F_train, self.y_train))
        self.history["val_loss"].append(self._loss(self.F_test, self.y_test))

    def step(self, epochs=1):
        """Train ``epochs`` more epochs (one pass over the training points each). If
        training diverges, stop and set ``diverged``. Returns self."""
        if not _is_int(epochs) or epochs < 1:
            raise ValueError(f"epochs must be a positive integer. Received: epochs={epochs!r}")
        for _ in range(epochs):
            if self.diverged:
                break
            try:
                self.model.fit(self.F_train, self.y_train, epochs=1,
                               batch_size=self.state.batch_size)
            except DivergenceError:
                self.diverged = True
                break
            self.epoch += 1
            self._record()
            if not np.isfinite(self.history["loss"][-1]):
                self.diverged = True
        return self

    def train_loss(self):
        return self.history["loss"][-1]

    def test_loss(self):
        return self.history["val_loss"][-1]

    def _accuracy(self, F, y):
        return accuracy(y, self.model.predict(F))

    def train_accuracy(self):
        return self._accuracy(self.F_train, self.y_train)

    def test_accuracy(self):
        return self._accuracy(self.F_test, self.y_test)

    def grid(self, resolution=100):
        """The points of a resolution x resolution grid over the view, (r*r, 2), row 0 at
        the top (largest x2), as an image is stored."""
        t = np.linspace(-self.extent, self.extent, resolution)
        x1, x2 = np.meshgrid(t, t[::-1])
        return np.column_stack([x1.ravel(), x2.ravel()])

    def probabilities(self, resolution=100):
        """P(class 1) over the view, shape (resolution, resolution), row 0 at the top."""
        F = make_features(self.grid(resolution), self.state.features)
        with np.errstate(over="ignore", invalid="ignore"):
            return self.model.predict(F).reshape(resolution, resolution)

    def neuron_outputs(self, resolution=30):
        """Each hidden unit's output over the view: a list, one array (units, r, r) per
        hidden layer (the Playground's small pictures inside the neurons)."""
        F = make_features(self.grid(resolution), self.state.features)
        outs = self.model.layer_outputs(F)[:-1]
        return [a.T.reshape(-1, resolution, resolution) for a in outs]
