"""nnkit.plot.overfitting (chapter 06): the figures draw what they claim and refuse
inputs that do not fit. The explorer's training run (regularization_demo) is tested here
too, since the widget and its static companion share it."""
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import nnkit as nk  # noqa: E402


def circle_of_radius(r):
    return lambda X: np.hypot(X[:, 0], X[:, 1]) - r


def tiny_fit(epochs=5, **kwargs):
    X, y = nk.data.circle(n=30, noise=0.2, seed=0)
    model = nk.Sequential([nk.Dense(4, activation="relu"), nk.Dense(1, activation="sigmoid")],
                          seed=0)
    model.compile(optimizer=nk.Adam(0.01), loss="binary_crossentropy")
    history = model.fit(X, y, epochs=epochs, batch_size=30, validation_data=(X, y), **kwargs)
    return model, history, X, y


def test_data_panels_one_panel_per_set_with_the_reference_circle():
    sets = {"a": nk.data.circle(n=20, seed=0), "b": nk.data.circle(n=40, seed=1)}
    fig = nk.plot.data_panels(sets, reference=circle_of_radius(0.6))
    assert [ax.get_title() for ax in fig.axes] == ["a", "b"]
    for ax, (X, _) in zip(fig.axes, sets.values()):
        assert sum(len(c.get_offsets()) for c in ax.collections
                   if hasattr(c, "get_offsets") and len(c.get_offsets())) >= len(X)
        # the dashed reference is a contour: its vertices lie on the circle of radius 0.6
        paths = [p for c in ax.collections if hasattr(c, "get_paths")
                 for p in c.get_paths() if len(p.vertices) > 50]
        r = np.hypot(*np.vstack([p.vertices for p in paths]).T)
        np.testing.assert_allclose(r, 0.6, atol=0.02)


def test_capacity_curves_share_the_y_axis_and_plot_every_epoch():
    histories = [tiny_fit(epochs=e)[1] for e in (3, 6)]
    fig = nk.plot.capacity_curves(histories, titles=["small", "big"])
    assert [ax.get_title() for ax in fig.axes] == ["small", "big"]
    assert fig.axes[0].get_ylim() == fig.axes[1].get_ylim()
    assert [len(ax.lines[0].get_xdata()) for ax in fig.axes] == [3, 6]
    with pytest.raises(ValueError, match="same length"):
        nk.plot.capacity_curves(histories, titles=["only one"])


def test_four_panels_go_two_by_two_to_fit_the_book_column():
    histories = [tiny_fit(epochs=2)[1]] * 4
    fig = nk.plot.capacity_curves(histories)
    rows = sorted({round(ax.get_position().y0, 3) for ax in fig.axes})
    cols = sorted({round(ax.get_position().x0, 3) for ax in fig.axes})
    assert len(fig.axes) == 4 and len(rows) == 2 and len(cols) == 2
    fig = nk.plot.capacity_curves(histories[:3])
    assert len({round(ax.get_position().y0, 3) for ax in fig.axes}) == 1


def test_boundaries_vs_truth_draws_each_model_and_the_reference():
    model, _, X, y = tiny_fit()
    fig = nk.plot.boundaries_vs_truth([model, model], X, y, titles=["a", "b"],
                                      reference=circle_of_radius(0.6))
    assert len(fig.axes) == 2 and fig.axes[1].get_title() == "b"
    assert all(ax.images for ax in fig.axes)  # the shaded prediction


def test_early_stopping_curves_mark_the_best_and_the_stopping_epoch():
    stop = nk.EarlyStopping(patience=2, restore_best_weights=True)
    _, history, _, _ = tiny_fit(epochs=200, callbacks=[stop])
    ax = nk.plot.early_stopping_curves(history, stop)
    vertical = sorted(line.get_xdata()[0] for line in ax.lines
                      if len(set(line.get_xdata())) == 1)
    expected = sorted({stop.best_epoch + 1} | ({stop.stopped_epoch + 1} if stop.stopped_epoch
                                               else set()))
    assert vertical == expected


def test_early_stopping_curves_name_the_lines_in_the_legend_not_over_the_curves():
    # A run that stopped at epoch 7 (index 6) after its best at epoch 4 (index 3); the
    # validation loss climbs to the top right, where a label on the line would sit.
    history = {"loss": [0.7, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05],
               "val_loss": [0.7, 0.5, 0.4, 0.35, 0.5, 0.8, 1.0]}
    stop = SimpleNamespace(best_epoch=3, stopped_epoch=6)
    ax = nk.plot.early_stopping_curves(history, stop)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["loss", "val loss", "best epoch (restored)", "stopped"]
    assert not ax.texts  # no rotated labels crossing the curves
    vertical = [line.get_xdata()[0] for line in ax.lines if len(set(line.get_xdata())) == 1]
    assert vertical == [4, 7]
    # the restored epoch's validation loss is marked
    assert ax.collections[0].get_offsets().tolist() == [[4, 0.35]]


def test_regularization_demo_is_reproducible_and_records_cross_entropy():
    a = nk.plot.regularization_demo(n_train=20, l2=0.01, dropout=0.2, epochs=15, seed=3)
    b = nk.plot.regularization_demo(n_train=20, l2=0.01, dropout=0.2, epochs=15, seed=3)
    assert len(a["history"]["loss"]) == len(a["history"]["val_loss"]) == 15
    assert a["history"]["val_loss"] == b["history"]["val_loss"]
    assert a["X"].shape == (20, 2) and a["X_val"].shape == (200, 2)
    # The recorded curve is the cross-entropy alone, without the penalty.
    ce = nk.losses.get("binary_crossentropy")(a["y"], a["model"].predict(a["X"]))
    assert a["train_loss"] == pytest.approx(ce)
    assert a["model"].evaluate(a["X"], a["y"]) > ce  # evaluate adds the penalty
    layers = [type(layer).__name__ for layer in a["model"].layers]
    assert layers == ["Dense", "Dropout", "Dense", "Dropout", "Dense"]
    with pytest.raises(ValueError, match="Received: dropout=1.0"):
        nk.plot.regularization_demo(dropout=1.0)


def test_regularization_demo_overfits_without_remedy_and_l2_closes_the_gap():
    plain = nk.plot.regularization_demo(epochs=200)
    l2 = nk.plot.regularization_demo(l2=0.03, epochs=200)
    assert plain["val_loss"] > 3 * plain["train_loss"]
    assert l2["val_loss"] < 0.5 * plain["val_loss"]
    assert l2["val_loss"] < 1.3 * l2["train_loss"]


def test_regularization_grid_one_column_per_setting():
    fig = nk.plot.regularization_grid([{}, {"l2": 0.03}, {"n_train": 100}], epochs=5)
    titles = [ax.get_title() for ax in fig.axes[::2]]
    assert titles == ["no remedy", "L2 0.03", "100 training points"]
    assert len(fig.axes) == 6
