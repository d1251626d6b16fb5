"""Run chapter notebooks and store them the way the repository keeps them.

Usage: python tools/store_notebook.py chapters/01-neurons-and-perceptrons.ipynb [...]

Each notebook is executed top to bottom in a fresh kernel (from the chapters/ folder,
as nbval and the book build run it). It is then written back with every output removed
except those of cells whose first line is ``# NBVAL_CHECK_OUTPUT`` (which keep
their execution counts too): nbval compares those
against a new run, and the book build executes the rest itself.
"""
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

CHECK = "# NBVAL_CHECK_OUTPUT"


def store(path):
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    seconds = time.perf_counter() - start
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        # nbval treats a cell with outputs but no execution count as never run, so checked
        # cells keep theirs; every other cell is stored as if never run.
        if not cell.source.lstrip().startswith(CHECK):
            cell.outputs = []
            cell.execution_count = None
        cell.metadata.pop("execution", None)
    nbformat.write(nb, path)
    print(f"{path}: ran in {seconds:.1f} s, stored with checked outputs only")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for p in sys.argv[1:]:
        store(p)
