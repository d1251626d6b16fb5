"""Chapter 02's approximation explorer: it trains only the fits it lacks, once, and
names bad input."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import nnkit as nk  # noqa: E402


def one_hidden(width, seed=0):
    model = nk.Sequential([nk.Dense(width, activation="tanh"), nk.Dense(1)], seed=seed)
    model.compile(optimizer=nk.Adam(learning_rate=0.05), loss="mse")
    model.build(1)
    return model


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
