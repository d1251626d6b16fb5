"""The book's colours, the same in every figure: TensorFlow Playground's orange for
negative / class 0 and blue for positive / class 1."""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LinearSegmentedColormap

ORANGE, BLUE, GREY = "#f59322", "#0877bd", "#888888"
CLASS_COLOURS = [ORANGE, BLUE, "#2ca02c", "#9467bd", "#d62728", "#8c564b"]
# Probability of class 1 from 0 (orange) through white (0.5) to 1 (blue).
DIVERGING = LinearSegmentedColormap.from_list("nnkit", [ORANGE, "#ffffff", BLUE])


def get_ax(ax=None, figsize=(4, 4)):
    """The axes to draw on: ``ax`` itself, or a new figure's."""
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def class_colours(labels):
    """One colour per label, for labels 0, 1, ... of shape (n,) or (n, 1)."""
    labels = np.asarray(labels).ravel().astype(int)
    return [CLASS_COLOURS[k % len(CLASS_COLOURS)] for k in labels]
