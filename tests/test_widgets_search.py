"""The chapter 07 explorer: its controls, one redraw, and bad input."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import nnkit as nk  # noqa: E402
from nnkit import search  # noqa: E402
from nnkit.widgets import search as explorer  # noqa: E402

SPACE = {"lr": search.Real(1e-4, 1.0, log=True), "units": search.Integer(2, 64, log=True),
         "layers": search.Integer(1, 3)}


def objective(p):
    return -abs(p["lr"] - 0.1) - 0.001 * p["units"]


def controls(box):
    return {c.description: c for c in box.children[0].children}


def test_budgets_are_grid_sizes():
    assert explorer.budgets_for(SPACE) == [8, 27, 64]
    assert explorer.budgets_for({"a": search.Real(0, 1)}, largest=5) == [2, 3, 4, 5]


def test_controls_start_at_the_given_setting():
    box = nk.widgets.search_explorer(objective, SPACE, method="grid", budget=8, seed=2)
    c = controls(box)
    assert set(c) == {"method", "trials", "search seed"}
    assert c["method"].value == "grid" and c["trials"].value == 8 and c["search seed"].value == 2
    assert set(c["method"].options) == {"grid", "random", "bayesian"}
    plt.close("all")


def test_a_redraw_runs_the_chosen_search(monkeypatch):
    figures, calls = [], []
    monkeypatch.setattr(plt, "show", lambda: figures.append(plt.gcf()))

    def counting(p):
        calls.append(p)
        return objective(p)

    box = nk.widgets.search_explorer(counting, SPACE, method="random", budget=8)
    calls.clear()
    controls(box)["trials"].value = 27
    assert len(calls) == 27 and figures
    fig = figures[-1]
    assert len(fig.axes) >= 2 and "random: 27 trials" in fig.axes[0].get_title()
    plt.close("all")


def test_run_search_matches_the_search_functions():
    a = explorer.run_search(objective, SPACE, "bayesian", 8, seed=1)
    b = search.bayesian_search(objective, SPACE, 8, seed=1)
    assert (a.points == b.points).all()


@pytest.mark.parametrize("kwargs,message", [({"method": "tpe"}, "Received: method='tpe'"),
                                            ({"budget": 10}, "Received: budget=10")])
def test_bad_settings_name_the_received_value(kwargs, message):
    with pytest.raises(ValueError, match=message):
        nk.widgets.search_explorer(objective, SPACE, **kwargs)
