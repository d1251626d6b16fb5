"""Chapter 03's figures and widget draw what they claim."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import nnkit as nk  # noqa: E402
from nnkit import diagnostics as dg  # noqa: E402
from nnkit.plot import activation_study as study  # noqa: E402


def test_overlay_draws_each_function_and_its_derivative():
    names = ["sigmoid", "tanh", "relu", "softmax"]
    fig = nk.plot.activation_overlay(names)
    left, right = fig.axes
    labels = [line.get_label() for line in left.lines]
    assert [label for label in labels if not label.startswith("_")] == names
    z = left.lines[0].get_xdata()
    np.testing.assert_allclose(left.lines[1].get_ydata(), np.tanh(z))
    np.testing.assert_allclose(right.lines[0].get_ydata(), nk.activations.sigmoid.derivative(z))
    # softmax([z, 0])[0] is the sigmoid: drawn, it lies on top of it
    np.testing.assert_allclose(left.lines[3].get_ydata(), left.lines[0].get_ydata())
    assert max(right.lines[0].get_ydata()) == pytest.approx(0.25)


def test_overlay_dashes_leaky_relu_so_that_relu_shows_under_it():
    fig = nk.plot.activation_overlay(["relu", "leaky_relu"])
    for ax in fig.axes:
        relu, leaky = [line for line in ax.lines if not line.get_label().startswith("_")]
        assert relu.get_linestyle() == "-" and leaky.get_linestyle() == "--"


def test_gradient_norms_by_layer_draws_medians_on_a_log_axis():
    norms = {"sigmoid": np.array([[1e-6, 1e-3, 1e-1], [3e-6, 2e-3, 3e-1], [2e-6, 4e-3, 2e-1]]),
             "relu": np.array([1e-2, 1e-2, 1e-1])}
    ax = nk.plot.gradient_norms_by_layer(norms)
    assert ax.get_yscale() == "log"
    np.testing.assert_allclose(ax.lines[0].get_ydata(), [2e-6, 2e-3, 2e-1])
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), [1, 2, 3])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["sigmoid", "relu"]
    assert len(ax.collections) == 1  # a band only where there are several seeds


def test_dead_units_curves_one_line_per_learning_rate():
    curves = {0.1: np.zeros((3, 4)), 10.0: np.array([[0, 0.9, 0.9, 0.9], [0, 0.8, 1, 1],
                                                     [0, 0.7, 0.8, np.nan]])}
    ax = nk.plot.dead_units_curves(curves)
    assert len(ax.lines) == 2
    np.testing.assert_allclose(ax.lines[1].get_ydata(), [0, 0.8, 0.9, 0.95])
    assert "learning rate 10" in ax.get_legend().get_texts()[1].get_text()


@pytest.fixture(scope="module")
def comparison():
    X, y = nk.data.circle(60, seed=0)
    return X, y, dg.compare_activations(X, y, ["tanh", "relu"], seeds=(0, 1, 2), epochs=4,
                                        hidden=(4,))


def test_activation_comparison_thin_line_per_seed_and_a_median(comparison):
    _, _, result = comparison
    ax = nk.plot.activation_comparison(result)
    assert len(ax.lines) == 2 * (3 + 1)
    median = ax.lines[3]
    assert median.get_label() == "tanh (3 seeds)"
    np.testing.assert_allclose(median.get_ydata(),
                               np.median([r["loss"] for r in result.of("tanh")], axis=0))


def test_comparison_boundaries_one_panel_per_activation(comparison):
    X, y, result = comparison
    fig = nk.plot.comparison_boundaries(result, X, y, seed=1)
    drawn = [ax for ax in fig.axes if ax.images]
    assert len(drawn) == 2
    acc = result.of("relu")[1]["accuracy"]
    assert drawn[1].get_title() == f"relu\naccuracy {acc:.2f} (seed 1)"


def test_comparison_boundaries_at_most_three_panels_a_row():
    X, y = nk.data.circle(40, seed=0)
    result = dg.compare_activations(X, y, ["linear", "sigmoid", "tanh", "relu"], seeds=(0,),
                                    epochs=1, hidden=(3,))
    fig = nk.plot.comparison_boundaries(result, X, y, resolution=10)
    drawn = [ax for ax in fig.axes if ax.images]
    assert len(drawn) == 4
    rows = sorted({round(ax.get_position().y0, 3) for ax in drawn})
    assert len(rows) == 2  # 3 + 1, not 4 in a row
    assert sum(not ax.axison for ax in fig.axes) == 2  # the empty slots are hidden


def test_activation_comparison_dashes_the_linear_baseline():
    X, y = nk.data.circle(40, seed=0)
    result = dg.compare_activations(X, y, ["linear", "relu"], seeds=(0,), epochs=2,
                                    hidden=(3,))
    ax = nk.plot.activation_comparison(result)
    medians = [line for line in ax.lines if not line.get_label().startswith("_")]
    assert [line.get_linestyle() for line in medians] == ["--", "-"]


def test_explorer_grid_rows_activations_columns_depths():
    X, y = nk.data.circle(40, seed=0)
    fig = nk.plot.explorer_grid(X, y, activations=("tanh", "relu"), depths=(1, 2),
                                epochs=3, resolution=10)
    assert len(fig.axes) == 2 * 3
    assert fig.axes[1].get_title().startswith("tanh, 2 hidden")
    assert len(fig.axes[2].lines) == 2  # the loss curves of both depths


def test_explorer_panels_say_when_training_diverged():
    X, y = nk.data.circle(40, seed=0)
    model, history, diverged = dg.fit_mlp(X, y, "leaky_relu", learning_rate=1e3, epochs=10)
    assert diverged
    fig, axes = plt.subplots(1, 2)
    study.explorer_panels(model, history, X, y, axes, diverged=diverged)
    assert "diverged" in axes[0].get_title()


def test_activation_explorer_widget():
    import ipywidgets as W
    w = nk.widgets.activation_explorer("tanh", depth=1, learning_rate=0.1, data="circle",
                                       epochs=2)
    assert isinstance(w, W.VBox)
    controls = [c for box in w.children[:2] for c in box.children]
    assert [c.description for c in controls] == ["activation", "data", "hidden layers",
                                                 "learning rate"]
    assert all("$" not in c.description for c in controls)  # no raw TeX in labels
    with pytest.raises(ValueError, match="Received: activation='swish'"):
        nk.widgets.activation_explorer("swish")
    with pytest.raises(ValueError, match="Received: data='moons'"):
        nk.widgets.activation_explorer(data="moons")
