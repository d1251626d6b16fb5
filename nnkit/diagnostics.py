"""Measurements of what happens inside a network (chapter 03).

- ``gradient_norms(model, X, y)``: the size of dL/dW at every layer, to see gradients
  vanish on their way back through saturating activations;
- ``dead_units(model, X)``: the fraction of ReLU units that never fire on X,
  ``dead_masks`` to find them, and ``unit_states`` for the units that never switch off;
- ``mlp(...)``: the small fully connected classifier the chapter trains again and again,
  with one activation for every hidden layer or one per layer;
- ``compare_activations(...)``: train that network with each activation over several
  seeds (same data, same seeds, same everything else) and tabulate the results.

>>> import nnkit as nk
>>> X, y = nk.data.circle(100, seed=0)
>>> model = nk.diagnostics.mlp("sigmoid", hidden=[16] * 5, seed=0)
>>> model.compile(optimizer="sgd", loss="binary_crossentropy")
>>> norms = nk.diagnostics.gradient_norms(model, X, y)
>>> bool(norms[0] < norms[-2] / 100)  # the first layer learns 100x slower, or worse
True
"""
import numpy as np

from .callbacks import LambdaCallback
from .checks import check_X, check_y
from .experiments import run_seeds
from .layers import Dense
from .models import DivergenceError, Sequential
from .optimizers import SGD

__all__ = ["gradient_norms", "gradient_norms_at_init", "dead_masks", "dead_units", "unit_states",
           "mlp", "fit_mlp", "dead_units_during_training", "compare_activations", "Comparison"]

RELU_LIKE = ("relu", "leaky_relu")


def _dense_layers(model):
    if not isinstance(model, Sequential):
        raise TypeError("Expected an nnkit Sequential model. "
                        f"Received: {type(model).__name__}.")
    dense = [layer for layer in model.layers if isinstance(layer, Dense)]
    if not dense:
        raise ValueError(f"The model has no Dense layers. Received: {model!r}.")
    return dense


def gradient_norms(model, X, y, rms=False):
    """The norm of dL/dW at each Dense layer, first to last, for one batch (X, y).

    One forward and one backward pass with the model's loss, in inference mode (no
    dropout), without changing any weight: measured at initialisation, it shows how
    much of the error signal reaches each layer before any training.

    Args:
        model: a compiled ``nnkit.Sequential`` (it is built on X if it is not yet).
        X: inputs (n, d); y: targets (n, k) as ``fit`` takes them.
        rms: if True, divide each norm by the square root of the number of weights in
            that kernel, giving the root-mean-square gradient of one weight, so that
            layers of different sizes compare fairly. Default False: the plain
            Frobenius norm ``||dW||``.

    Returns:
        a float array of shape (number of Dense layers,).
    """
    dense = _dense_layers(model)
    model._check_compiled("gradient_norms")
    X = check_X(X, model.input_dim)
    model._ensure_built(X)
    y = check_y(y, X, model.output_dim)
    with np.errstate(over="ignore", under="ignore"):
        model.backward(y, model.forward(X, training=False))
    norms = []
    for layer in dense:
        dW = layer.grads[0]
        norms.append(np.linalg.norm(dW) / (np.sqrt(dW.size) if rms else 1.0))
    return np.array(norms)


def gradient_norms_at_init(X, y, activations=("sigmoid", "tanh", "relu"), hidden=(32,) * 9,
                           seeds=(0, 1, 2, 3, 4), kernel_initializer="glorot_uniform",
                           rms=True):
    """``gradient_norms`` of freshly initialised ``mlp(activation, hidden)`` networks
    (sigmoid output, binary cross-entropy), one per activation and seed.

    ``activations`` is a list of names or a dict {label: activation, or a pair
    (activation, kernel_initializer)}. Returns ``{label: array (len(seeds), layers)}``.
    """
    X = check_X(X)
    y = check_y(y, X)
    specs = dict(activations) if isinstance(activations, dict) else \
        {str(a): a for a in activations}
    norms = {}
    for label, spec in specs.items():
        act, init = spec if isinstance(spec, tuple) else (spec, kernel_initializer)
        rows = []
        for seed in seeds:
            model = mlp(act, hidden=hidden, outputs=y.shape[1], kernel_initializer=init,
                        seed=seed)
            model.compile(optimizer=SGD(), loss="binary_crossentropy")
            rows.append(gradient_norms(model, X, y, rms=rms))
        norms[label] = np.array(rows)
    return norms


def dead_masks(model, X):
    """For each hidden Dense layer (every Dense layer but the last), a boolean array
    (units,) that is True for the units whose pre-activation z <= 0 on every row of X,
    or None for a layer whose activation is not ReLU-like ("relu", "leaky_relu").

    A ReLU unit with z <= 0 everywhere outputs 0 and has f'(z) = 0 everywhere, so no
    gradient reaches its incoming weights: it is dead and stays dead. A leaky ReLU unit
    in the same state is only asleep: its slope alpha still lets gradient through.
    """
    dense = _dense_layers(model)
    X = check_X(X, model.input_dim)
    model._ensure_built(X)
    hidden = dense[:-1]
    if not any(layer.activation.name in RELU_LIKE for layer in hidden):
        raise ValueError("dead_units counts ReLU units, but no hidden layer uses 'relu' or "
                         "'leaky_relu'. Received hidden activations: "
                         f"{[layer.activation.name for layer in hidden]}.")
    with np.errstate(over="ignore", invalid="ignore"):
        model.forward(X, training=False)  # every layer keeps its z
    return [np.all(layer.z <= 0, axis=0) if layer.activation.name in RELU_LIKE else None
            for layer in hidden]


def dead_units(model, X, per_layer=False):
    """The fraction of ReLU units in the hidden layers that never fire on X (z <= 0
    for every example). See ``dead_masks``.

    Returns a float in [0, 1] over all ReLU-like hidden units, or with
    ``per_layer=True`` a list with one fraction per hidden Dense layer (NaN for layers
    whose activation is not ReLU-like).
    """
    masks = dead_masks(model, X)
    if per_layer:
        return [float(np.nan) if m is None else float(m.mean()) for m in masks]
    counted = np.concatenate([m for m in masks if m is not None])
    return float(counted.mean())


def unit_states(model, X):
    """How the ReLU-like units of each hidden Dense layer behave on X: for each such
    layer a dict with the fractions of units that are "dead" (z <= 0 on every row),
    "always on" (z > 0 on every row: on this data the unit is linear) and "switching"
    (on for some rows, off for others: only these bend the decision boundary); None
    for hidden layers whose activation is not ReLU-like. The three fractions sum to 1.
    """
    dead = dead_masks(model, X)  # also checks X and runs the forward pass
    hidden = _dense_layers(model)[:-1]
    states = []
    for layer, mask in zip(hidden, dead):
        if mask is None:
            states.append(None)
            continue
        on = np.all(layer.z > 0, axis=0)
        states.append({"dead": float(mask.mean()), "always on": float(on.mean()),
                       "switching": float(1.0 - mask.mean() - on.mean())})
    return states


def mlp(activation="relu", hidden=(16, 16), outputs=1, output_activation="sigmoid",
        kernel_initializer="glorot_uniform", seed=0):
    """A fully connected classifier: Dense hidden layers of the widths in ``hidden``,
    then an output layer of ``outputs`` units. Not compiled.

    ``activation`` is one name for every hidden layer, or a list with one name per
    hidden layer (mixing activations). Returns an ``nnkit.Sequential``.
    """
    hidden = [hidden] if isinstance(hidden, (int, np.integer)) else list(hidden)
    if not hidden:
        raise ValueError("hidden must list at least one layer width. Received: hidden=[].")
    acts = [activation] * len(hidden) if isinstance(activation, (str, type(None))) \
        or not hasattr(activation, "__len__") else list(activation)
    if len(acts) != len(hidden):
        raise ValueError(f"Got {len(acts)} activations for {len(hidden)} hidden layers; "
                         f"give one per layer. Received: activation={activation!r}, "
                         f"hidden={hidden!r}.")
    layers = [Dense(w, activation=a, kernel_initializer=kernel_initializer)
              for w, a in zip(hidden, acts)]
    layers.append(Dense(outputs, activation=output_activation,
                        kernel_initializer=kernel_initializer))
    return Sequential(layers, seed=seed)


def fit_mlp(X, y, activation="relu", depth=2, width=16, learning_rate=0.3, epochs=150,
            batch_size=32, seed=0):
    """Build ``mlp(activation, hidden=[width] * depth, seed=seed)``, compile it with
    ``SGD(learning_rate)`` and binary cross-entropy, and fit it on (X, y).

    Returns ``(model, history, diverged)``: if the loss became NaN or infinite,
    ``diverged`` is True and ``history`` holds the epochs completed before that.
    """
    X = check_X(X)
    y = check_y(y, X)
    if isinstance(depth, bool) or not isinstance(depth, (int, np.integer)) or depth < 1:
        raise ValueError(f"depth must be a positive integer. Received: depth={depth!r}")
    model = mlp(activation, hidden=[width] * int(depth), outputs=y.shape[1], seed=seed)
    model.compile(optimizer=SGD(learning_rate=learning_rate), loss="binary_crossentropy",
                  metrics=["accuracy"])
    try:
        return model, model.fit(X, y, epochs=epochs, batch_size=batch_size), False
    except DivergenceError as error:
        return model, error.history, True


def dead_units_during_training(X, y, learning_rates, seeds=(0, 1, 2), epochs=30,
                               hidden=(32, 32), activation="relu", batch_size=32):
    """Train ``mlp(activation, hidden)`` with plain SGD at each learning rate and seed,
    and measure ``dead_units(model, X)`` before training and after every epoch.

    Returns ``{learning_rate: array (len(seeds), epochs + 1)}``; a run that diverges
    (NaN loss) keeps NaN for the epochs it did not reach.
    """
    X = check_X(X)
    y = check_y(y, X)
    curves = {}
    for lr in learning_rates:
        rows = np.full((len(seeds), epochs + 1), np.nan)
        for i, seed in enumerate(seeds):
            model = mlp(activation, hidden=hidden, outputs=y.shape[1], seed=seed)
            model.compile(optimizer=SGD(learning_rate=lr), loss="binary_crossentropy")
            rows[i, 0] = dead_units(model, X)
            record = LambdaCallback(on_epoch_end=lambda epoch, logs, row=rows[i], m=model:
                                    row.__setitem__(epoch + 1, dead_units(m, X)))
            try:
                model.fit(X, y, epochs=epochs, batch_size=batch_size, callbacks=[record])
            except DivergenceError:
                pass
        curves[lr] = rows
    return curves


class Comparison:
    """The runs of ``compare_activations``: ``runs`` is a list of dicts with keys
    "label", "seed", "loss" (per-epoch training loss), "accuracy" (on the validation
    data if given, else on the training data), "final_loss", "seconds" (wall time of
    fit) and "model"."""

    def __init__(self, runs, labels, evaluated_on):
        self.runs, self.labels, self.evaluated_on = runs, list(labels), evaluated_on

    def of(self, label):
        """The runs of one label, in seed order."""
        return [r for r in self.runs if r["label"] == label]

    def summary(self):
        """One dict per label: mean and std of accuracy over seeds, the worst seed's
        accuracy, the mean final training loss and the mean wall time in seconds."""
        rows = []
        for label in self.labels:
            runs = self.of(label)
            acc = np.array([r["accuracy"] for r in runs])
            rows.append({"label": label, "seeds": len(runs),
                         "accuracy_mean": float(acc.mean()), "accuracy_std": float(acc.std()),
                         "accuracy_min": float(acc.min()),
                         "final_loss": float(np.mean([r["final_loss"] for r in runs])),
                         "seconds": float(np.mean([r["seconds"] for r in runs]))})
        return rows

    def table(self, wall_time=False, digits=2):
        """The summary as text, rounded to ``digits``. Wall times vary from run to run
        and machine to machine, so they are left out unless ``wall_time=True``."""
        head = f"{'activation':<14}{'accuracy mean ± std':>21}{'worst seed':>12}{'final loss':>12}"
        head += f"{'seconds/fit':>13}" if wall_time else ""
        lines = [head]
        for row in self.summary():
            line = (f"{row['label']:<14}{row['accuracy_mean']:>14.{digits}f} ± "
                    f"{row['accuracy_std']:.{digits}f}{row['accuracy_min']:>12.{digits}f}"
                    f"{row['final_loss']:>12.{digits}f}")
            if wall_time:
                line += f"{row['seconds']:>13.{digits}f}"
            lines.append(line)
        return "\n".join(lines)

    def __repr__(self):
        return (f"<Comparison of {self.labels} over {len(self.runs) // max(len(self.labels), 1)} "
                f"seeds, accuracy on {self.evaluated_on} data>")


def compare_activations(X, y, activations=("sigmoid", "tanh", "relu", "leaky_relu"),
                        seeds=(0, 1, 2, 3, 4), hidden=(16, 16), epochs=200, learning_rate=0.5,
                        batch_size=32, validation_data=None):
    """Train the same network, ``mlp(activation, hidden, seed=seed)`` compiled with
    ``SGD(learning_rate)`` and binary cross-entropy, once per activation and seed, on the
    same data. Each seed gives every activation the same initial weights and the same
    order of mini-batches, so the activation is the only difference.

    ``activations`` is a list of names, or a dict {label: activation or list of one
    activation per hidden layer}. Returns a ``Comparison``. Accuracy is measured on
    ``validation_data`` (X_val, y_val) when given, else on the training data. The seed
    loop is ``experiments.run_seeds``: a run whose loss diverges is kept, with accuracy
    nan and final loss inf, instead of stopping the comparison.
    """
    X = check_X(X)
    y = check_y(y, X)
    if y.shape[1] != 1:
        raise ValueError("compare_activations trains binary classifiers: y must be (n, 1) "
                         f"labels 0/1. Received: y of shape {y.shape}.")
    specs = dict(activations) if isinstance(activations, dict) else \
        {str(a): a for a in activations}
    seeds = list(seeds)
    if not specs or not seeds:
        raise ValueError(f"Need at least one activation and one seed. Received: "
                         f"activations={activations!r}, seeds={seeds!r}.")
    X_eval, y_eval = (X, y) if validation_data is None else validation_data

    def make_model(spec, seed):
        model = mlp(spec, hidden=hidden, seed=seed)
        model.compile(optimizer=SGD(learning_rate=learning_rate),
                      loss="binary_crossentropy", metrics=["accuracy"])
        return model

    def accuracy(model, X_train, y_train):
        return model.evaluate(X_eval, y_eval)[1]

    runs = []
    for label, spec in specs.items():
        results = run_seeds(lambda seed, spec=spec: make_model(spec, seed), X, y, seeds,
                            fit_kwargs={"epochs": epochs, "batch_size": batch_size},
                            score=accuracy)
        runs += [{"label": label, "seed": r.seed, "loss": r.history.get("loss", []),
                  # a diverged run has no accuracy; it counts as nan, not as a crash
                  "accuracy": np.nan if r.diverged else r.score, "final_loss": r.loss,
                  "seconds": r.seconds, "model": r.model} for r in results]
    return Comparison(runs, specs, "training" if validation_data is None else "validation")
