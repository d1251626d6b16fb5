"""nnkit.plot.remedies (chapter 06): the charts that compare remedies draw the numbers
they are given, and refuse inputs that do not fit."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import nnkit as nk  # noqa: E402


def test_penalty_sweep_puts_zero_left_of_the_smallest_strength():
    strengths = [0.0, 0.01, 0.1]
    train = [[0.1, 0.2], [0.3, 0.3], [0.5, 0.6]]
    val = [[1.0, 1.2], [0.4, 0.5], [0.6, 0.6]]
    ax = nk.plot.penalty_sweep(strengths, train, val, best=0.01)
    means = ax.lines[0].get_xdata(), ax.lines[0].get_ydata()
    np.testing.assert_allclose(means[0], [0.001, 0.01, 0.1])
    np.testing.assert_allclose(means[1], [0.15, 0.3, 0.55])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0", "0.01", "0.1"]
    with pytest.raises(ValueError, match="at least one positive"):
        nk.plot.penalty_sweep([0.0], [[1]], [[1]])
    with pytest.raises(ValueError, match="same length"):
        nk.plot.penalty_sweep(strengths, train[:2], val)


def test_weight_histograms_count_every_weight_including_exact_zeros():
    w = np.array([0.0, 1e-9, 1e-3, 0.5, -0.5])
    fig = nk.plot.weight_histograms({"w": w, "v": np.ones(3)})
    counts = [patch.get_height() for patch in fig.axes[0].patches]
    assert sum(counts) == 5 and counts[0] == 2  # 0 and 1e-9 both land in the left bin


def test_remedies_comparison_checks_shapes_and_marks_the_baseline():
    results = {"none": np.array([[1.5, 0.8], [1.3, 0.82]]),
               "L2": np.array([[0.3, 0.87], [0.35, 0.86]])}
    fig = nk.plot.remedies_comparison(results)
    ax = fig.axes[0]
    by_height = sorted(zip(ax.get_yticks(), (t.get_text() for t in ax.get_yticklabels())))
    assert [name for _, name in by_height] == ["L2", "none"]  # the baseline on top
    baseline = [line.get_xdata()[0] for line in fig.axes[0].lines]
    assert baseline == [pytest.approx(1.4)]
    with pytest.raises(ValueError, match=r"results\['bad'\].*Received: shape \(2,\)"):
        nk.plot.remedies_comparison({"bad": np.array([1.0, 2.0])})


def test_depth_experiment_one_line_per_recipe_through_the_means():
    results = {"careful": {2: [0.7, 0.8], 3: [0.9, 0.9]},
               "careless": {2: [0.7, 0.7], 3: [0.5, 0.6]}}
    fig = nk.plot.depth_experiment(results)
    ax = fig.axes[0]
    assert [line.get_label() for line in ax.lines] == ["careful", "careless"]
    np.testing.assert_allclose(ax.lines[1].get_ydata(), [0.7, 0.55])
