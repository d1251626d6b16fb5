"""Chapter 07's figures: what each draws, and bad input."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import nnkit as nk  # noqa: E402
from nnkit import search  # noqa: E402

SPACE = {"lr": search.Real(1e-4, 1.0, log=True), "units": search.Integer(2, 64, log=True)}


def objective(p):
    return -(np.log10(p["lr"]) + 1.5) ** 2 - 0.001 * p["units"]


def test_hyperparameter_effects_one_panel_per_hyperparameter():
    effects = {"lr": ([1e-3, 1e-2, 1e-1], [[0.5, 0.6], [0.7, 0.7], [0.9, 0.8]]),
               "activation": (["tanh", "relu"], [[0.7, 0.7], [0.8, 0.9]])}
    fig = nk.plot.hyperparameter_effects(effects, baseline={"lr": 1e-2, "activation": "tanh"})
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(visible) == 2
    assert visible[0].get_xscale() == "log" and visible[1].get_xscale() == "linear"
    assert [t.get_text() for t in visible[1].get_xticklabels()] == ["tanh", "relu"]
    mean_line = [ln for ln in visible[0].lines if ln.get_label() == "mean over seeds"][0]
    assert np.allclose(mean_line.get_ydata(), [0.55, 0.7, 0.85])


def test_hyperparameter_effects_rejects_misshapen_scores():
    with pytest.raises(ValueError, match=r"Received: \(2,\)"):
        nk.plot.hyperparameter_effects({"lr": ([1, 2], [0.5, 0.6])})


def test_grid_vs_random_projections_and_best_values():
    fig = nk.plot.grid_vs_random(n=9, seed=0)
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert len(titles) == 2 and "3 values" in titles[0] and "9 values" in titles[1]
    with pytest.raises(ValueError, match="n=8"):
        nk.plot.grid_vs_random(n=8)


def test_best_so_far_curves_plot_the_mean_of_the_searches():
    runs = [search.random_search(objective, SPACE, 10, seed=s) for s in range(3)]
    ax = nk.plot.best_so_far_curves({"random": runs})
    line = ax.lines[0]
    assert np.allclose(line.get_ydata(), np.mean([r.best_so_far for r in runs], axis=0))
    assert np.all(np.diff(line.get_ydata()) >= 0)
    with pytest.raises(ValueError, match="Received: {}"):
        nk.plot.best_so_far_curves({})


def test_trial_locations_draws_every_trial_in_real_units():
    r = search.bayesian_search(objective, SPACE, 8, seed=0)
    ax = nk.plot.trial_locations(r)
    points = ax.collections[-2].get_offsets()   # the trials, then the best-trial star
    assert len(points) == 8
    assert np.allclose(points[:, 0], [p["lr"] for p in r.params])
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    with pytest.raises(ValueError, match="Received: 'width'"):
        nk.plot.trial_locations(r, x="width")
    with pytest.raises(TypeError, match="Received: list"):
        nk.plot.trial_locations([r])


def test_search_comparison_one_panel_per_method_on_one_colour_scale():
    results = {"grid": search.grid_search(objective, SPACE, 9),
               "random": search.random_search(objective, SPACE, 9, seed=0)}
    fig = nk.plot.search_comparison(results)
    scatters = [ax.collections[-2] for ax in fig.axes[:2]]
    assert len({s.get_clim() for s in scatters}) == 1


def test_numeric_linear_panels_put_ticks_at_the_values_tried():
    effects = {"layers": ([1, 2, 3], [[0.6], [0.7], [0.7]])}
    ax = [a for a in nk.plot.hyperparameter_effects(effects).axes if a.get_visible()][0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "2", "3"]


def test_search_comparison_titles_give_each_best_score():
    results = {"grid": search.grid_search(objective, SPACE, 9),
               "random": search.random_search(objective, SPACE, 9, seed=0)}
    fig = nk.plot.search_comparison(results)
    for ax, r in zip(fig.axes[:2], results.values()):
        assert ax.get_title() == f"{r.method}: best {r.best_score:.2f}"
