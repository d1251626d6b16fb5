"""Chapter 05's figures draw what they claim: one line per run, the chord between the
ends of a slice, the stopping line where the rule fired, and errors for mismatched data."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import nnkit as nk  # noqa: E402


def test_batch_size_curves_plot_loss_against_epochs_and_seconds():
    runs = {"batch size 1": {"loss": [1.0, 0.5, 0.2], "seconds": [0.1, 0.2, 0.3]},
            "batch size 4": {"loss": [1.0, 0.8, 0.6], "seconds": [0.01, 0.02, 0.03]}}
    fig = nk.plot.batch_size_curves(runs, noise_floor=0.1)
    left, right = fig.axes
    labelled = [line for line in left.lines if not line.get_label().startswith("_")]
    assert [line.get_label() for line in labelled] == list(runs)
    np.testing.assert_array_equal(labelled[0].get_xdata(), [1, 2, 3])
    np.testing.assert_array_equal(right.lines[1].get_xdata(), [0.01, 0.02, 0.03])
    assert left.get_yscale() == "log" and right.get_xscale() == "log"
    assert any(np.allclose(line.get_ydata(), 0.1) for line in left.lines)  # the noise level
    with pytest.raises(ValueError, match="3 losses but 2 times"):
        nk.plot.batch_size_curves({"b": {"loss": [1, 2, 3], "seconds": [1, 2]}})


def test_learning_rate_curves_mark_and_clip_a_diverged_run():
    X, y = nk.data.regression_1d("sine", n=20, seed=0)
    runs = {0.1: [0.5, 0.3, 0.2, 0.1]}
    model = nk.Sequential([nk.Dense(8, activation="relu"), nk.Dense(1)], seed=0)
    model.compile(optimizer=nk.SGD(learning_rate=50.0), loss="mse")
    with pytest.raises(nk.DivergenceError) as err:
        model.fit(X, y, epochs=200, batch_size=20)
    runs[50.0] = err.value
    ax = nk.plot.learning_rate_curves(runs)
    labels = [line.get_label() for line in ax.lines if not line.get_label().startswith("_")]
    assert labels == ["0.1", "50.0 (diverged)"]
    top = 20 * 0.5  # set by the run that did not diverge
    assert ax.get_ylim()[1] == pytest.approx(3 * top)  # with room for the cross
    drawn = np.asarray(ax.lines[1].get_ydata(), dtype=float)
    assert np.nanmax(drawn) <= top and np.isnan(drawn).any()  # not drawn above the top
    arrows = [t for t in ax.texts if t.arrow_patch is not None]
    assert arrows and arrows[0].xy[1] == pytest.approx(top)
    cross = [line for line in ax.lines if line.get_marker() == "X"]
    stopped_in = len(err.value.history.history["loss"]) + 1
    assert cross and cross[0].get_xdata()[0] == stopped_in  # the epoch that failed
    assert f"stopped in epoch {stopped_in}" in [t.get_text() for t in ax.texts]
    with pytest.raises(ValueError, match="No finite loss"):
        nk.plot.learning_rate_curves({1.0: [np.inf, np.nan]})


def test_fits_by_seed_has_a_panel_per_model():
    X, y = nk.data.regression_1d("cubic", n=30, seed=0)
    models = [nk.Sequential([nk.Dense(3, activation="relu"), nk.Dense(1)], seed=s) for s in range(3)]
    for m in models:
        m.build(1)
    fig = nk.plot.fits_by_seed(models, X, y, titles=["a", "b", "c"], ncols=2)
    visible = [ax for ax in fig.axes if ax.axison]
    assert [ax.get_title() for ax in visible] == ["a", "b", "c"] and len(fig.axes) == 4
    assert [ax.get_ylabel() for ax in visible] == ["y", "", "y"]  # the left column
    assert visible[2].get_xlabel() == "x"
    xs = visible[1].lines[0].get_xdata().reshape(-1, 1)
    np.testing.assert_allclose(visible[1].lines[0].get_ydata(), models[1].predict(xs).ravel())
    with pytest.raises(ValueError, match=r"Received: X of shape \(30, 2\)"):
        nk.plot.fits_by_seed(models, np.hstack([X, X]), y)


def test_final_losses_by_width_has_one_dot_per_seed():
    ax = nk.plot.final_losses_by_width({"3 units": [0.1, 0.01, 0.01], "8 units": [0.002] * 5})
    sizes = [len(c.get_offsets()) for c in ax.collections]
    assert sizes == [3, 5]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["3 units", "8 units"]


def test_loss_line_draws_each_line_with_its_chord():
    alphas = np.linspace(-0.5, 1.5, 9)
    losses = 1 + np.sin(np.pi * alphas) ** 2 + alphas
    ax = nk.plot.loss_line(alphas, {"A to B": losses})
    curve, chord = ax.lines[0], ax.lines[1]
    np.testing.assert_array_equal(curve.get_ydata(), losses)
    np.testing.assert_allclose(chord.get_ydata(), [1.0, 2.0])  # the losses at alpha 0 and 1
    assert chord.get_linestyle() == "--"
    with pytest.raises(ValueError, match="3 losses for 9 alphas"):
        nk.plot.loss_line(alphas, {"bad": [1, 2, 3]})


def test_loss_plane_marks_the_origin_and_checks_the_shape():
    alphas, betas = np.linspace(-1, 1, 5), np.linspace(-1, 1, 4)
    losses = 1 + alphas[None, :] ** 2 + 2 * betas[:, None] ** 2
    ax = nk.plot.loss_plane(alphas, betas, losses)
    star = [line for line in ax.lines if line.get_marker() == "*"]
    assert len(star) == 1 and star[0].get_xdata()[0] == 0 and star[0].get_ydata()[0] == 0
    with pytest.raises(ValueError, match=r"\(4, 5\). Received: shape \(5, 4\)"):
        nk.plot.loss_plane(alphas, betas, losses.T)


def test_convergence_stop_draws_the_rule_where_it_fired():
    losses = list(np.geomspace(1, 0.01, 50))
    ax = nk.plot.convergence_stop(losses, 20, rule="my rule")
    vertical = [line for line in ax.lines if line.get_label() == "my rule"]
    assert vertical and vertical[0].get_xdata()[0] == 20
    assert any(t.get_text() == f"{losses[19]:.4f}" for t in ax.texts)
    with pytest.raises(ValueError, match="Received: stopped_epoch=51"):
        nk.plot.convergence_stop(losses, 51)


def test_nnkit_vs_keras_draws_both_curves_and_their_relative_difference():
    a, b = [0.5, 0.4, 0.3], [0.5, 0.41, 0.3]
    fig = nk.plot.nnkit_vs_keras({"loss": a}, {"loss": b})
    left, right = fig.axes
    assert [line.get_label() for line in left.lines] == ["nnkit", "Keras"]
    # |0.4 - 0.41| / 0.4 at epoch 2; equal losses are drawn at the floor 1e-18
    np.testing.assert_allclose(right.lines[0].get_ydata(), [1e-18, 0.025, 1e-18], atol=1e-15)
    eps_line = right.lines[1]
    np.testing.assert_allclose(eps_line.get_ydata(), 2.0 ** -23)  # float32's rounding unit
    assert right.get_ylim()[1] >= 0.025
    with pytest.raises(ValueError, match="3 and 2 epochs"):
        nk.plot.nnkit_vs_keras(a, b[:2])
    with pytest.raises(ValueError, match="finite losses"):
        nk.plot.nnkit_vs_keras([0.5, np.nan, 0.3], b)
