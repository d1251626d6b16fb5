"""Chapter 01's explorer: sliders for w1, w2 and b move a signum neuron's line over the
four inputs of a gate, and its truth table updates."""
import ipywidgets as W
import matplotlib.pyplot as plt

from .. import data
from ..perceptron import truth_table
from ..plot.perceptron import neuron_decision


def perceptron_explorer(gate="and", w1=1.0, w2=1.0, b=-0.5):
    """Sliders for the weights w1, w2 and the bias b of one signum neuron, a menu for the
    gate to match, and the resulting line and truth table. Returns the widget."""
    slider = dict(min=-3.0, max=3.0, step=0.25, continuous_update=False)
    controls = {"gate": W.Dropdown(options=list(data.GATES), value=gate, description="gate"),
                "w1": W.FloatSlider(value=w1, description="w1", **slider),
                "w2": W.FloatSlider(value=w2, description="w2", **slider),
                "b": W.FloatSlider(value=b, description="b (w0)", **slider)}

    def draw(gate, w1, w2, b):
        fig, table = explorer_view(gate, w1, w2, b)
        plt.show()
        print(table)

    out = W.interactive_output(draw, controls)
    return W.HBox([W.VBox(list(controls.values())), out])


def explorer_view(gate, w1, w2, b):
    """What the explorer shows for one setting: the figure and the truth table text."""
    X, y = data.logic_gate(gate)
    fig, ax = plt.subplots(figsize=(3.6, 3.6), layout="constrained")
    neuron_decision((b, w1, w2), X, y, ax=ax)
    return fig, truth_table((b, w1, w2), X, y)
