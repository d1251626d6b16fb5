"""The chapter 05 explorer: its controls, and what it trains and draws for a setting."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import nnkit as nk  # noqa: E402
from nnkit.widgets.training import training_run, training_view  # noqa: E402


def test_controls_start_at_the_given_setting():
    box = nk.widgets.training_explorer(learning_rate=0.3, batch_size=16, hidden=3, seed=4)
    controls = {c.description: c for column in box.children[0].children for c in column.children}
    assert controls["learning rate"].value == 0.3 and controls["batch size"].value == 16
    assert controls["hidden units"].value == 3 and controls["seed"].value == 4
    with pytest.raises(ValueError, match="Received: batch_size=7"):
        nk.widgets.training_explorer(batch_size=7)


def test_run_is_fit_with_the_chosen_setting():
    X, y = nk.data.regression_1d("cubic", n=40, noise=0.05, seed=0)
    run = training_run(X, y, learning_rate=0.1, batch_size=8, hidden=4, seed=2, epochs=5)
    model = nk.Sequential([nk.Dense(4, activation="relu"), nk.Dense(1)], seed=2)
    model.compile(optimizer=nk.SGD(learning_rate=0.1), loss="mse")
    assert run["loss"] == model.fit(X, y, epochs=5, batch_size=8).history["loss"]
    assert len(run["seconds"]) == 5 and np.all(np.diff(run["seconds"]) >= 0)
    assert run["diverged"] is None


def test_view_reports_divergence_instead_of_a_fit():
    X, y = nk.data.regression_1d("cubic", n=100, noise=0.05, seed=0)
    fig, run = training_view(X, y, learning_rate=2.0, batch_size=32, epochs=100)
    left, right = fig.axes
    assert run["diverged"] and "diverged after 81 epochs" in left.get_title()
    assert not right.lines  # no curve for a network whose weights are inf
    fig, run = training_view(X, y, learning_rate=0.2, batch_size=32, epochs=20)
    assert fig.axes[0].get_title().startswith(f"final loss {run['loss'][-1]:.4f}")
    assert len(fig.axes[1].lines) == 1
