"""Figures for the book, each one line in a notebook: ``nk.plot.decision_boundary(model,
X, y)``. Every function takes ``ax=None`` (a new figure) or the axes to draw on, and
returns the axes (or the figure, for small multiples). Submodules are named for what
they draw; chapter-specific figures get a submodule of their own."""
from .boundary import decision_boundary, decision_line, points
from .curves import activation_curve, activation_curves, loss_curves
from .network import network
from .style import BLUE, CLASS_COLOURS, DIVERGING, GREY, ORANGE, get_ax
