"""Interactive demos for Jupyter, each one line in a notebook:
``nk.widgets.perceptron_explorer("and")``. Each returns an ipywidgets widget whose
controls redraw a matplotlib figure. The HTML book has no kernel, so every widget has a
static companion in ``nnkit.plot``. Submodules are named for the demo they hold."""
from .perceptron import perceptron_explorer
