"""Chapter 02's figures draw what they claim: the hidden layer's coordinates and the
success counts over many seeds. (The approximation figures: test_plot_approximation.py.)"""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import nnkit as nk  # noqa: E402

X_XOR, Y_XOR = nk.data.logic_gate("xor")


def xor_by_hand():
    net = nk.Sequential([nk.Dense(2, activation="sign"), nk.Dense(1, activation="sign")])
    net.build(2)
    net.set_weights([[[1, -1], [1, -1]], [-0.5, 1.5], [[1], [1]], [-1.5]])  # OR, NAND, AND
    return net


def test_named_network_writes_the_names_under_the_neurons():
    ax = nk.plot.named_network(xor_by_hand(), [["OR", "NAND"], ["AND"]])
    texts = {t.get_text(): t.get_position() for t in ax.texts}
    assert {"OR", "NAND", "AND"} <= set(texts)
    assert texts["OR"][0] == 1 and texts["AND"][0] == 2 and texts["OR"][1] > texts["NAND"][1]
    assert "-1.5" in texts  # the weights are written on the lines


def test_hidden_space_puts_points_at_their_hidden_activations():
    fig = nk.plot.hidden_space(xor_by_hand(), X_XOR, Y_XOR, hidden_names=["OR", "NAND"])
    ax_in, ax_h = fig.axes
    plotted = np.vstack([c.get_offsets() for c in ax_h.collections
                         if isinstance(c, matplotlib.collections.PathCollection)])
    expected = np.array([[-1, 1], [1, 1], [1, 1], [1, -1]])  # (OR, NAND) of each input
    assert sorted(map(tuple, plotted)) == sorted(map(tuple, expected))
    labels = [t.get_text() for t in ax_h.texts]
    assert "(0, 1) & (1, 0)" in labels  # the hidden layer merged the two XOR-true points
    assert len(ax_in.get_lines()) == 2  # one switching line per hidden neuron
    assert "OR" in ax_h.get_xlabel() and "NAND" in ax_h.get_ylabel()


def test_hidden_space_refuses_other_shapes():
    model = nk.Sequential([nk.Dense(3, activation="tanh"), nk.Dense(1)])
    model.build(2)
    with pytest.raises(ValueError, match=r"Received: a first-layer weight matrix of shape \(2, 3\)"):
        nk.plot.hidden_space(model, X_XOR, Y_XOR)


def fake_results(successes, n=10, level=0.35):
    runs = nk.experiments.SeedResults()
    for seed in range(n):
        ok = seed < successes
        runs.append(nk.experiments.SeedResult(seed=seed, loss=0.001 if ok else level,
                                              success=ok, history={"loss": [0.7, 0.001 if ok else level]}))
    return runs


def test_seed_outcomes_bars_are_the_success_rates():
    fig = nk.plot.seed_outcomes({2: fake_results(6), 3: fake_results(9)}, stuck_level=0.35)
    ax_rate, ax_loss = fig.axes
    heights = [p.get_height() for p in ax_rate.patches]
    assert heights == pytest.approx([0.6, 0.9])
    assert {"6/10", "9/10"} <= {t.get_text() for t in ax_rate.texts}
    stuck = np.vstack([c.get_offsets() for c in ax_loss.collections])[:, 1]
    assert np.sum(stuck == 0.35) == 4 + 1
    with pytest.raises(ValueError, match="empty"):
        nk.plot.seed_outcomes({})


def test_seed_loss_curves_colours_by_outcome():
    ax = nk.plot.seed_loss_curves(fake_results(3, n=5), max_runs=4)
    colours = [line.get_color() for line in ax.lines[:4]]
    assert colours == [nk.plot.BLUE] * 3 + [nk.plot.ORANGE]


def test_decision_boundaries_one_panel_per_model():
    fig = nk.plot.decision_boundaries([xor_by_hand(), xor_by_hand()], X_XOR, Y_XOR,
                                      titles=["a", "b"])
    assert [ax.get_title() for ax in fig.axes] == ["a", "b"]


def test_hidden_space_merges_labels_of_points_that_almost_coincide():
    model = nk.Sequential([nk.Dense(2), nk.Dense(1, activation="sigmoid")])
    model.build(2)
    # the hidden layer barely looks at x2: (0, 0) and (0, 1) land 0.028 apart
    model.set_weights([[[1, 0], [0.02, 0.02]], [0, 0], [[1], [1]], [0]])
    labels = [t.get_text() for t in nk.plot.hidden_space(model, X_XOR, Y_XOR).axes[1].texts]
    assert "(0, 0) & (0, 1)" in labels and "(1, 0) & (1, 1)" in labels


def test_a_merged_spot_holding_both_classes_gets_an_orange_ring():
    model = nk.Sequential([nk.Dense(2), nk.Dense(1, activation="sigmoid")])
    model.build(2)
    # (0, 0) & (0, 1) merge, and so do (1, 0) & (1, 1): each spot holds both classes
    model.set_weights([[[1, 0], [0.02, 0.02]], [0, 0], [[1], [1]], [0]])
    ax_h = nk.plot.hidden_space(model, X_XOR, Y_XOR).axes[1]
    rings = [c for c in ax_h.collections
             if isinstance(c, matplotlib.collections.PathCollection)
             and len(c.get_facecolors()) == 0]
    assert len(rings) == 2
    assert all(matplotlib.colors.to_hex(r.get_edgecolors()[0]) == nk.plot.ORANGE for r in rings)
    # the chapter's OR/NAND network merges (0, 1) and (1, 0), both class 1: no ring
    ax_h = nk.plot.hidden_space(xor_by_hand(), X_XOR, Y_XOR).axes[1]
    assert all(len(c.get_facecolors()) for c in ax_h.collections
               if isinstance(c, matplotlib.collections.PathCollection))


def test_hidden_space_legend_sits_below_the_panels():
    fig = nk.plot.hidden_space(xor_by_hand(), X_XOR, Y_XOR, hidden_names=["OR", "NAND"])
    assert fig.axes[0].get_legend() is None
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert labels == ["class 0", "class 1", "OR switches", "NAND switches"]
