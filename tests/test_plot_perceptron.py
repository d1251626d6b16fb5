"""Chapter 01's figures draw what they claim: the neuron's line and its mistakes, every
update of the perceptron rule, and the mistakes per epoch of each gate."""
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import nnkit as nk  # noqa: E402


def fit(gate, epochs=20):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", nk.perceptron.ConvergenceWarning)
        return nk.Perceptron().fit(*nk.data.logic_gate(gate), epochs=epochs)


def rings(ax):
    return [c for c in ax.collections if len(c.get_facecolors()) == 0]


def test_neuron_decision_rings_the_wrong_points():
    X, y = nk.data.logic_gate("and")
    ax = nk.plot.neuron_decision((-0.5, 1, 1), X, y)
    ringed = rings(ax)[0].get_offsets()
    assert sorted(map(tuple, ringed)) == [(0, 1), (1, 0)]
    assert ax.get_title().endswith("2 wrong")


def test_neuron_decisions_one_titled_panel_per_setting():
    fig = nk.plot.neuron_decisions([("or", (-0.5, 1, 1)), ("and", (-0.5, 1, 1)),
                                    ("nor", (0.5, -1, -1))])
    titles = [ax.get_title() for ax in fig.axes]
    assert titles[:3] == ["OR with w = (-0.5, 1, 1): 0 wrong",
                          "AND with w = (-0.5, 1, 1): 2 wrong",
                          "NOR with w = (0.5, -1, -1): 0 wrong"]
    assert not fig.axes[3].axison            # the spare fourth panel is blank
    assert fig.get_size_inches()[0] <= 7.2   # fits the page without shrinking the text
    with pytest.raises(ValueError, match="settings is empty"):
        nk.plot.neuron_decisions([])


def test_perceptron_progress_draws_the_start_and_every_update():
    p = fit("and")
    X, y = nk.data.logic_gate("and")
    updates = [s for s in p.steps_ if s["output"] != s["target"]]
    fig = nk.plot.perceptron_progress(p, X, y)
    drawn = [ax for ax in fig.axes if ax.axison]
    assert len(drawn) == 1 + len(updates) == 12
    assert drawn[0].get_title() == "start\nw = (0, 0, 0)"
    last = updates[-1]["w_after"]
    assert drawn[-1].get_title().endswith(f"w = ({last[0]:g}, {last[1]:g}, {last[2]:g})")
    assert drawn[-1].get_title().startswith(f"update {len(updates)}: x = (0, 1)\nepoch 5,")
    # fewer panels than updates: the first ones and the last
    fig = nk.plot.perceptron_progress(p, X, y, max_panels=4)
    titles = [ax.get_title() for ax in fig.axes if ax.axison]
    assert len(titles) == 4 and titles[-1].startswith(f"update {len(updates)}:")


def test_mistakes_per_epoch_lines_stay_apart_and_avoid_class_colours():
    fits = [fit("and"), fit("nand"), fit("xor", epochs=100)]
    ax = nk.plot.mistakes_per_epoch(fits, ["AND", "NAND", "XOR"], max_epochs=12)
    lines = ax.get_lines()
    np.testing.assert_array_equal(lines[0].get_ydata(), fits[0].errors_)
    assert len(lines[2].get_ydata()) == 12                    # XOR cut at 12 epochs
    # AND and NAND share most values: shifted sideways, so both are visible
    assert not np.allclose(lines[0].get_xdata(), lines[1].get_xdata()[:len(lines[0].get_xdata())])
    assert np.allclose(np.round(lines[0].get_xdata()), np.arange(1, 7))
    colours = {matplotlib.colors.to_hex(line.get_color()) for line in lines}
    assert len(colours) == 3 and not colours & {nk.plot.ORANGE, nk.plot.BLUE}
    with pytest.raises(ValueError, match="Received: 3 perceptrons and 2 labels"):
        nk.plot.mistakes_per_epoch(fits, ["AND", "NAND"])


def test_neuron_diagram_writes_each_weight():
    ax = nk.plot.neuron_diagram((-1.5, 1, 1))
    texts = {t.get_text() for t in ax.texts}
    assert {"$w_0=-1.5$", "$w_1=1$", "$w_2=1$"} <= texts


def test_neuron_decisions_in_three_columns_split_the_titles():
    fig = nk.plot.neuron_decisions([("or", (-1, 1, 1)), ("nand", (2, -2, -1)),
                                    ("nor", (0, -1, -1))], ncols=3)
    assert [ax.get_title() for ax in fig.axes] == [
        "OR with w = (-1, 1, 1)\n0 wrong", "NAND with w = (2, -2, -1)\n0 wrong",
        "NOR with w = (0, -1, -1)\n0 wrong"]
