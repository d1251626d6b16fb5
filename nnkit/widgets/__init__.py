"""Interactive demos for Jupyter, each one line in a notebook:
``nk.widgets.perceptron_explorer("and")``. Each returns an ipywidgets widget whose
controls redraw a matplotlib figure. The HTML book has no kernel, so every widget has a
static companion in ``nnkit.plot``. Submodules are named for the demo they hold."""
from .activation_explorer import activation_explorer
from .approximation import approximation_explorer
from .backprop import backprop_explorer
from .perceptron import perceptron_explorer
from .search import search_explorer
from .playground import playground
from .training import training_explorer
from .vision import feature_map_explorer
from .regularization import regularization_explorer
