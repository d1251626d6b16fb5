"""Chapter 05's explorer: sliders for the learning rate, the batch size, the number of
hidden units and the seed retrain a one-hidden-layer ReLU network on a 1-D regression
and redraw its loss curve and its fit. Its static companions are
``nnkit.plot.batch_size_curves``, ``learning_rate_curves`` and ``fits_by_seed``."""
import time

import ipywidgets as W
import matplotlib.pyplot as plt
import numpy as np

from .. import data
from ..callbacks import LambdaCallback
from ..layers import Dense
from ..models import DivergenceError, Sequential
from ..optimizers import SGD
from ..plot.style import BLUE, GREY, ORANGE

LEARNING_RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 2.0]
BATCH_SIZES = [1, 4, 16, 32, 100]
HIDDEN_UNITS = [1, 2, 3, 4, 8, 16, 32]


def training_run(X, y, learning_rate=0.1, batch_size=32, hidden=8, seed=0, epochs=100):
    """Train ``Dense(hidden, relu) -> Dense(1)`` with plain SGD and MSE. Returns a dict:
    the model, "loss" per epoch, "seconds" at the end of each epoch, and "diverged"
    (the DivergenceError's message, or None)."""
    model = Sequential([Dense(hidden, activation="relu"), Dense(1)], seed=seed)
    model.compile(optimizer=SGD(learning_rate=learning_rate), loss="mse")
    start, seconds = time.perf_counter(), []
    clock = LambdaCallback(on_epoch_end=lambda epoch, logs: seconds.append(time.perf_counter() - start))
    try:
        loss, diverged = model.fit(X, y, epochs=epochs, batch_size=batch_size,
                                   callbacks=[clock]).history["loss"], None
    except DivergenceError as err:
        loss, diverged = err.history.history.get("loss", []), str(err)
    return {"model": model, "loss": list(loss), "seconds": seconds, "diverged": diverged}


def training_view(X, y, learning_rate=0.1, batch_size=32, hidden=8, seed=0, epochs=100):
    """What the explorer shows for one setting: the loss curve (log scale) and the data
    with the network's curve. Returns (figure, run) with ``run`` from ``training_run``."""
    run = training_run(X, y, learning_rate, batch_size, hidden, seed, epochs)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.3), layout="constrained")
    loss = np.asarray(run["loss"], dtype=float)
    if loss.size:
        # A diverging run reaches 1e300; cut it off (a log axis cannot span that).
        shown = np.minimum(loss, 1e4 * max(loss[0], 1e-12))
        left.plot(np.arange(1, loss.size + 1), shown, color=BLUE, lw=1.3)
        left.set_yscale("log")
    left.set_xlim(0, epochs)
    left.set_xlabel("epoch")
    left.set_ylabel("training loss (MSE)")
    seconds = run["seconds"][-1] if run["seconds"] else 0.0
    if run["diverged"]:
        left.set_title(f"diverged after {loss.size} epochs", color=ORANGE, fontsize=10)
    else:
        left.set_title(f"final loss {loss[-1]:.4f}, {seconds:.2f} s", fontsize=10)
    right.scatter(X.ravel(), y.ravel(), s=8, color=GREY)
    if not run["diverged"]:
        xs = np.linspace(X.min(), X.max(), 200).reshape(-1, 1)
        right.plot(xs.ravel(), run["model"].predict(xs).ravel(), color=BLUE, lw=2)
    right.set_xlabel("x")
    right.set_ylabel("y")
    right.set_title(f"{hidden} ReLU units, batch size {batch_size}, lr {learning_rate}",
                    fontsize=10)
    return fig, run


def training_explorer(X=None, y=None, learning_rate=0.1, batch_size=32, hidden=8, seed=0,
                      epochs=100):
    """Sliders for the learning rate, the batch size, the hidden units and the seed;
    each change retrains (well under a second, except batch size 1) and redraws. By
    default the data are chapter 05's: ``regression_1d("cubic", n=100, noise=0.05)``.
    Returns the widget."""
    if X is None or y is None:
        X, y = data.regression_1d("cubic", n=100, noise=0.05, seed=0)
    for name, value, options in (("learning_rate", learning_rate, LEARNING_RATES),
                                 ("batch_size", batch_size, BATCH_SIZES),
                                 ("hidden", hidden, HIDDEN_UNITS)):
        if value not in options:
            raise ValueError(f"{name} must be one of {options}. Received: {name}={value!r}")
    style = {"description_width": "initial"}
    common = dict(continuous_update=False, style=style)
    controls = {
        "learning_rate": W.SelectionSlider(options=LEARNING_RATES, value=learning_rate,
                                           description="learning rate", **common),
        "batch_size": W.SelectionSlider(options=BATCH_SIZES, value=batch_size,
                                        description="batch size", **common),
        "hidden": W.SelectionSlider(options=HIDDEN_UNITS, value=hidden,
                                    description="hidden units", **common),
        "seed": W.IntSlider(value=seed, min=0, max=9, description="seed", **common),
    }

    def draw(learning_rate, batch_size, hidden, seed):
        training_view(X, y, learning_rate, batch_size, hidden, seed, epochs)
        plt.show()

    out = W.interactive_output(draw, controls)
    return W.VBox([W.HBox([W.VBox(list(controls.values())[:2]),
                           W.VBox(list(controls.values())[2:])]), out])
