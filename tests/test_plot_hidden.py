"""Chapter 02's figures draw what they claim: the hidden layer's coordinates, the success
counts, each neuron's share of a fit, and an animation whose frames follow training."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import nnkit as nk  # noqa: E402

X_XOR, Y_XOR = nk.data.logic_gate("xor")


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def xor_by_hand():
    net = nk.Sequential([nk.Dense(2, activation="sign"), nk.Dense(1, activation="sign")])
    net.build(2)
    net.set_weights([[[1, -1], [1, -1]], [-0.5, 1.5], [[1], [1]], [-1.5]])  # OR, NAND, AND
    return net


def one_hidden(width, seed=0, epochs=0, target="sine"):
    model = nk.Sequential([nk.Dense(width, activation="tanh"), nk.Dense(1)], seed=seed)
    model.compile(optimizer=nk.Adam(learning_rate=0.05), loss="mse")
    model.build(1)
    if epochs:
        model.fit(*nk.data.regression_1d(target, n=50, grid=True), epochs=epochs, batch_size=50)
    return model


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


def test_approximations_and_error_vs_width():
    fits = {(t, w): one_hidden(w) for t in ["sine", "abs"] for w in [1, 3]}
    fig = nk.plot.approximations(fits)
    assert len(fig.axes) == 4
    err = nk.experiments.curve_error(fits["abs", 3], np.abs)
    assert fig.axes[3].get_title() == f"3 neurons\nRMSE {err:.3f}"
    with pytest.raises(ValueError, match=r"no model for \[\('step', 1\)\]"):
        nk.plot.approximations(fits, targets=["sine", "step"], widths=[1])
    ax = nk.plot.error_vs_width({("sine", 1): 0.2, ("sine", 4): 0.01, ("abs", 1): 0.3})
    np.testing.assert_array_equal(ax.lines[0].get_ydata(), [0.2, 0.01])
    assert [line.get_label() for line in ax.lines] == ["sine", "abs"]


def test_hidden_contributions_sum_to_the_output():
    model = one_hidden(4, epochs=50)
    ax = nk.plot.hidden_contributions(model, "sine")
    lines = ax.get_lines()
    terms = [line.get_ydata() for line in lines[1:5]]  # after the target, one per neuron
    total = lines[5].get_ydata()
    x = lines[5].get_xdata().reshape(-1, 1)
    np.testing.assert_allclose(total, model.predict(x).ravel())
    np.testing.assert_allclose(np.sum(terms, axis=0) + model.layers[1].b[0], total)
    deep = nk.Sequential([nk.Dense(3, activation="tanh"), nk.Dense(3), nk.Dense(1)])
    deep.build(1)
    with pytest.raises(ValueError, match="one hidden layer"):
        nk.plot.hidden_contributions(deep)


def test_fit_animation_frames_follow_training():
    X, y = nk.data.regression_1d("abs", n=40, grid=True)
    model = one_hidden(6)
    anim = nk.plot.fit_animation(model, X, y, epochs=60, frames=8, target="abs")
    frames = list(anim.new_frame_seq())
    assert 2 <= len(frames) <= 8
    curve = anim._fig.axes[0].get_lines()[1]
    anim._func(frames[0])
    first = curve.get_ydata().copy()
    html = anim.to_jshtml()  # renders every frame, ending on the last
    assert html.count("data:image/png;base64") == len(frames)
    last = curve.get_ydata()
    grid = curve.get_xdata().reshape(-1, 1)
    np.testing.assert_allclose(last, model.predict(grid).ravel())  # last frame = trained
    assert not np.allclose(first, last)
    assert anim._fig.axes[0].get_title().startswith("epoch 60:")
    assert len(model.history.history["loss"]) == 60
    with pytest.raises(ValueError, match="Received: frames=1"):
        nk.plot.fit_animation(one_hidden(2), X, y, epochs=10, frames=1)
    with pytest.raises(ValueError, match=r"Received: X of shape \(4, 2\)"):
        nk.plot.fit_animation(one_hidden(2), X_XOR, Y_XOR)


def test_decision_boundaries_one_panel_per_model():
    fig = nk.plot.decision_boundaries([xor_by_hand(), xor_by_hand()], X_XOR, Y_XOR,
                                      titles=["a", "b"])
    assert [ax.get_title() for ax in fig.axes] == ["a", "b"]


def test_approximation_explorer_uses_given_fits_and_trains_the_rest_once():
    calls = []

    def make_model(width, seed):
        calls.append((width, seed))
        return one_hidden(width, seed)

    fits = {("sine", 2): one_hidden(2)}
    widget = nk.widgets.approximation_explorer(make_model, targets=("sine", "abs"),
                                               widths=(1, 2), fits=fits,
                                               fit_kwargs={"epochs": 5, "batch_size": 200},
                                               width=2)
    target, width = widget.children[0].children
    assert calls == []                      # the first drawing used the given fit
    assert list(width.options) == [1, 2]
    width.value = 1                         # trains (sine, 1)
    target.value = "abs"                    # trains (abs, 1)
    width.value = 2                         # trains (abs, 2)
    width.value = 1                         # (abs, 1) again: seen before, not retrained
    assert calls == [(1, 0), (1, 0), (2, 0)]


def test_approximation_explorer_bad_input():
    with pytest.raises(ValueError, match=r"Unknown targets \['square'\]"):
        nk.widgets.approximation_explorer(one_hidden, targets=("square",))
    with pytest.raises(TypeError, match="Received: str"):
        nk.widgets.approximation_explorer("one_hidden")


def test_hidden_space_merges_labels_of_points_that_almost_coincide():
    model = nk.Sequential([nk.Dense(2), nk.Dense(1, activation="sigmoid")])
    model.build(2)
    # the hidden layer barely looks at x2: (0, 0) and (0, 1) land 0.028 apart
    model.set_weights([[[1, 0], [0.02, 0.02]], [0, 0], [[1], [1]], [0]])
    labels = [t.get_text() for t in nk.plot.hidden_space(model, X_XOR, Y_XOR).axes[1].texts]
    assert "(0, 0) & (0, 1)" in labels and "(1, 0) & (1, 1)" in labels
