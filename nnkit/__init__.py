"""nnkit: the neural-network kit of *Deep Learning from the Neuron Up*.

A small numpy package with Keras's vocabulary. Read it module by module, in the order
the book builds it: ``activations`` and ``losses``, ``perceptron``, ``layers``,
``models``, ``optimizers``, ``callbacks``, ``gradcheck``; ``data`` makes the data sets,
``plot`` draws the figures and ``widgets`` the interactive demos.
"""
from . import (activations, callbacks, data, diagnostics, experiments, initializers, landscape,
               losses, optimizers, playground, regularizers, search)
from .callbacks import EarlyStopping, History, LambdaCallback
from .gradcheck import gradcheck, numerical_gradient, relative_error
from .layers import Dense, Dropout
from .models import DivergenceError, Sequential
from .optimizers import SGD, Adam
from .perceptron import ConvergenceWarning, Perceptron
from .regularizers import L1, L2, L1L2

__version__ = "0.1.0"


def __getattr__(name):
    # plot and widgets import matplotlib and ipywidgets; load them on first use so that
    # `import nnkit` stays fast and the numeric core never depends on them.
    if name in ("plot", "widgets"):
        import importlib
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'nnkit' has no attribute {name!r}")
