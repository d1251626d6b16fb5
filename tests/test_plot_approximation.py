"""Chapter 02's approximation figures draw what they claim: each panel's fit and error,
each neuron's share of a fit, and an animation whose frames follow training."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import nnkit as nk  # noqa: E402
from nnkit.plot.approximation import LINE_COLOURS  # noqa: E402

X_XOR, Y_XOR = nk.data.logic_gate("xor")


def one_hidden(width, seed=0, epochs=0, target="sine"):
    model = nk.Sequential([nk.Dense(width, activation="tanh"), nk.Dense(1)], seed=seed)
    model.compile(optimizer=nk.Adam(learning_rate=0.05), loss="mse")
    model.build(1)
    if epochs:
        model.fit(*nk.data.regression_1d(target, n=50, grid=True), epochs=epochs, batch_size=50)
    return model


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

def test_lines_that_are_not_classes_avoid_the_class_colours():
    ax = nk.plot.error_vs_width({("sine", 1): 0.2, ("step", 1): 0.1, ("abs", 1): 0.3})
    colours = {matplotlib.colors.to_hex(line.get_color()) for line in ax.lines}
    assert len(colours) == 3 and not colours & {nk.plot.ORANGE, nk.plot.BLUE}
    ax = nk.plot.hidden_contributions(one_hidden(8), "sine")
    terms = ax.get_lines()[1:9]
    assert [line.get_color() for line in terms] == LINE_COLOURS[:8]
    assert ax.get_lines()[9].get_color() == nk.plot.BLUE   # the network's output


def test_small_multiples_fit_the_page_width():
    fits = {(t, w): one_hidden(w) for t in ["sine", "step", "abs"] for w in [1, 2, 4, 8, 32]}
    fig = nk.plot.approximations(fits)
    assert fig.get_size_inches()[0] <= 7.2
