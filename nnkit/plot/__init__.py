"""Figures for the book, each one line in a notebook: ``nk.plot.decision_boundary(model,
X, y)``. Every function takes ``ax=None`` (a new figure) or the axes to draw on, and
returns the axes (or the figure, for small multiples). Submodules are named for what
they draw; chapter-specific figures get a submodule of their own."""
from .boundary import decision_boundary, decision_line, points
from .curves import activation_curve, activation_curves, loss_curves
from .losses_study import (backprop_graph, loss_gradients, output_gradient, regression_fit,
                           softmax_regions)
from .network import network
from .perceptron import mistakes_per_epoch, neuron_decision, neuron_diagram, perceptron_progress
from .style import BLUE, CLASS_COLOURS, DIVERGING, GREY, ORANGE, get_ax
