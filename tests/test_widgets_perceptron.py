"""The chapter 01 explorer: its controls, and what it draws for a setting."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import nnkit as nk  # noqa: E402
from nnkit.widgets.perceptron import explorer_view  # noqa: E402


def test_controls_start_at_the_given_weights():
    box = nk.widgets.perceptron_explorer("nand", w1=-1, w2=-1, b=1.5)
    controls = {c.description: c for c in box.children[0].children}
    assert controls["gate"].value == "nand" and controls["b (w0)"].value == 1.5
    assert set(controls["gate"].options) >= {"and", "or", "nand", "nor", "xor"}


def test_view_marks_wrong_rows_in_table_and_figure():
    fig, table = explorer_view("and", 1.0, 1.0, -0.5)
    assert table.count("WRONG") == 2
    ax = fig.axes[0]
    assert "2 wrong" in ax.get_title()
    plt.close("all")
    _, table = explorer_view("and", 1.0, 1.0, -1.5)
    assert "WRONG" not in table
