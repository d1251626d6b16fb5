"""The chapter 06 explorer: its controls, their ranges, and one redraw."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import nnkit as nk  # noqa: E402
from nnkit.widgets import regularization as explorer  # noqa: E402


def controls(box):
    rows = box.children[0].children
    return {c.description: c for column in rows for c in column.children}


def test_controls_start_at_the_given_setting():
    box = nk.widgets.regularization_explorer(noise=0.1, n_train=200, l2=0.01, dropout=0.3)
    c = controls(box)
    assert set(c) == {"noise", "training points", "L2 strength", "dropout rate"}
    assert c["noise"].value == 0.1 and c["training points"].value == 200
    assert c["L2 strength"].value == 0.01 and c["dropout rate"].value == 0.3
    assert 0.0 in c["L2 strength"].options  # "no penalty" must be reachable
    assert all(not w.continuous_update for w in c.values())  # retrain on release only
    plt.close("all")


def test_a_redraw_draws_boundary_and_curves(monkeypatch):
    figures = []
    monkeypatch.setattr(plt, "show", lambda: figures.append(plt.gcf()))
    box = nk.widgets.regularization_explorer()
    c = controls(box)
    c["dropout rate"].value = 0.5  # triggers a retrain and a redraw
    assert figures, "the explorer drew nothing"
    fig = figures[-1]
    assert len(fig.axes) == 2 and fig.axes[0].images and len(fig.axes[1].lines) == 2
    plt.close("all")


@pytest.mark.parametrize("kwargs,message", [({"l2": 0.02}, "Received: l2=0.02"),
                                            ({"n_train": 60}, "Received: n_train=60")])
def test_settings_off_the_sliders_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        explorer.regularization_explorer(**kwargs)
