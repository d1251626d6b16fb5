"""The chapter 04 explorer: its controls, what it draws and prints for a setting, and the
gradients it reports."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import nnkit as nk  # noqa: E402
from nnkit.exercises.ch04 import WORKED_EXAMPLE  # noqa: E402
from nnkit.widgets.backprop import (DEFAULTS, WEIGHTS, explorer_model,  # noqa: E402
                                    explorer_view, gradient_table)


def controls_of(box):
    first, second = box.children[0].children
    return list(first.children) + list(second.children)


def table_values(table):
    """{row name: [one float per column]} from the last gradient table in the text."""
    rows = table.splitlines()
    rows = rows[max(i for i, row in enumerate(rows) if row.startswith("y_hat")):]
    return {row.split()[0]: [float(v) for v in row.split()[1:]] for row in rows}


def test_controls_start_at_the_worked_example_and_label_math_without_dollars():
    box = nk.widgets.backprop_explorer()
    controls = controls_of(box)
    sliders = controls[:6]
    assert [s.value for s in sliders] == [0.5, -0.3, 0.2, 0.8, 1.2, -0.6]
    assert sliders[0].description == r"\(w^{[1]}_{11}\)"
    assert sliders[5].description == r"\(w^{[2]}_{21}\)"
    assert all("$" not in c.description for c in controls)
    assert controls[6].value == 1.0 and controls[6].description == r"target \(y\)"


def test_controls_start_at_given_weights_and_the_button_goes_back(capsys):
    box = nk.widgets.backprop_explorer(y=0, w2_11=-3.0)
    controls = controls_of(box)
    assert controls[4].value == -3.0 and controls[6].value == 0.0
    controls[7].click()  # "back to the worked example"
    assert [c.value for c in controls[:6]] == list(DEFAULTS.values())
    assert controls[6].value == 1.0
    capsys.readouterr()
    controls[5].value = 0.0  # moving a slider redraws and prints the new table
    printed = capsys.readouterr().out
    assert "w2_21=0" in printed
    assert table_values(printed)["dL/dw1_12"] == [0.0534, 0.0]


def test_worked_example_column_is_the_chapter_numbers():
    values = table_values(gradient_table([{}]))
    assert values["y_hat"] == [0.6358] and values["L"] == [0.4529]
    assert values["dL/dz2"] == [-0.3642]
    assert values["dL/dw1_11"] == [-0.0969] and values["dL/dw1_21"] == [-0.0484]
    assert values["dL/dw2_11"] == [-0.2434] and values["dL/dw2_21"] == [-0.2092]


@pytest.mark.parametrize("setting", [{"w2_11": -3.0}, {"w1_11": 3.0, "y": 0},
                                     {"w1_22": -2.5, "w2_21": 2.0}])
def test_table_gradients_agree_with_finite_differences(setting):
    model, y = explorer_model(**setting)
    x = WORKED_EXAMPLE["x"]
    numeric = [nk.numerical_gradient(lambda: model.compute_loss(y, model.forward(x)),
                                     layer.W) for layer in model.layers]
    values = table_values(gradient_table([setting]))
    for name, (l, r, c) in WEIGHTS.items():
        assert values[f"dL/d{name}"][0] == pytest.approx(numeric[l][r, c], abs=6e-5)


def test_cutting_a_hidden_unit_off_takes_away_its_blame():
    values = table_values(gradient_table([{}, {"w2_21": 0.0}]))
    assert values["dL/dw1_12"][1] == 0.0 and values["dL/dw1_22"][1] == 0.0
    assert "-0.0000" not in gradient_table([{"w2_21": 0.0}])
    assert values["dL/dw1_11"][1] != 0.0


def test_view_marks_the_changed_weight_and_compares_with_the_worked_example():
    fig, table = explorer_view(w2_11=-3.0, y=0)
    ax = fig.axes[0]
    assert "$w^{[2]}_{11}$ = -3 (was 1.2)" in ax.get_title(loc="left")
    bold = [t.get_text() for t in ax.texts if t.get_fontweight() == "bold"]
    assert bold == ["-3"]
    assert table.splitlines()[0].split() == ["worked", "example", "w2_11=-3,", "y=0"]
    assert "$L$\n" + f"{table_values(table)['L'][1]:.4f}" in [t.get_text() for t in ax.texts]
    assert ax.get_title(loc="left").endswith("target $y$ = 0")
    fig, table = explorer_view(**DEFAULTS)
    assert fig.axes[0].get_title(loc="left") == "the worked example's weights"
    assert len(table.splitlines()[1].split()) == 2  # one column only
    # a slider's rounding error is no change
    fig, table = explorer_view(w1_12=-0.30000000000000004)
    assert fig.axes[0].get_title(loc="left") == "the worked example's weights"
    assert not any(t.get_fontweight() == "bold" for t in fig.axes[0].texts)


def test_view_draws_on_given_axes():
    fig, axes = plt.subplots(2, 1)
    returned, _ = explorer_view(ax=axes[1], w1_11=3.0)
    assert returned is fig and axes[1].texts and not axes[0].texts


def test_bad_settings_name_what_was_received():
    with pytest.raises(ValueError, match="Unknown weight 'w3_11'.*Received: w3_11=1.0"):
        explorer_model(w3_11=1.0)
    with pytest.raises(ValueError, match="finite number. Received: w1_11=nan"):
        explorer_view(w1_11=float("nan"))
    with pytest.raises(ValueError, match=r"Received: w1_11=\[1.0, 2.0\]"):
        explorer_model(w1_11=[1.0, 2.0])
    with pytest.raises(ValueError, match="Received: w2_21='big'"):
        explorer_model(w2_21="big")
    with pytest.raises(ValueError, match="0 or 1.*Received: y=0.5"):
        gradient_table([{"y": 0.5}])
    with pytest.raises(ValueError, match=r"-3.0 to 3.0. Received: \{'w2_11': 4.0\}"):
        nk.widgets.backprop_explorer(w2_11=4.0)
