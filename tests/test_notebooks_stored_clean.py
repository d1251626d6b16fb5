"""Chapters are stored without outputs (the book build executes them); only cells whose
first line is '# NBVAL_CHECK_OUTPUT' keep theirs, because nbval compares against them."""
import json
from pathlib import Path

import pytest

CHAPTERS = sorted((Path(__file__).parent.parent / "chapters").glob("*.ipynb"))


def test_there_are_chapters():
    assert CHAPTERS, "no notebooks found in chapters/"


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.name for p in CHAPTERS])
def test_stored_without_outputs(path):
    nb = json.loads(path.read_text())
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        if not source.lstrip().startswith("# NBVAL_CHECK_OUTPUT"):
            assert not cell["outputs"], f"cell {i} keeps outputs: run tools/store_notebook.py"
            assert cell.get("execution_count") is None, f"cell {i} keeps an execution count"


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.name for p in CHAPTERS])
def test_checked_cells_have_stored_output(path):
    nb = json.loads(path.read_text())
    checked = [c for c in nb["cells"] if c["cell_type"] == "code"
               and "".join(c["source"]).lstrip().startswith("# NBVAL_CHECK_OUTPUT")]
    assert checked, "a chapter checks at least one printed result with nbval"
    assert all(c["outputs"] for c in checked), "a checked cell has no stored output to compare"
