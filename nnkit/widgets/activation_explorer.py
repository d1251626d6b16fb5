"""Chapter 03's explorer: choose an activation, a depth and a learning rate; a small
network is trained on the spot and its decision boundary and loss curve are drawn."""
import ipywidgets as W
import matplotlib.pyplot as plt

from .. import data as datasets
from ..diagnostics import fit_mlp
from ..plot.activation_study import explorer_panels

ACTIVATIONS = ["sigmoid", "tanh", "relu", "leaky_relu", "linear", "sign"]
DATASETS = {"spiral": lambda: datasets.spiral(300, noise=0.05, seed=0),
            "circle": lambda: datasets.circle(200, noise=0.1, seed=0),
            "xor": lambda: datasets.xor(200, noise=0.05, seed=0)}


def activation_explorer(activation="relu", depth=2, learning_rate=0.3, data="spiral",
                        epochs=150, width=16, seed=0):
    """Menus and sliders for the hidden activation, the number of hidden layers
    (``depth``, each ``width`` units), the learning rate of SGD and the data set; each
    change trains ``diagnostics.fit_mlp`` for ``epochs`` epochs (a fraction of a second)
    and redraws the decision boundary and the loss curve. Returns the widget."""
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {ACTIVATIONS}. "
                         f"Received: activation={activation!r}")
    if data not in DATASETS:
        raise ValueError(f"data must be one of {list(DATASETS)}. Received: data={data!r}")
    controls = {
        "activation": W.Dropdown(options=ACTIVATIONS, value=activation,
                                 description="activation"),
        "depth": W.IntSlider(value=depth, min=1, max=8, description="hidden layers",
                             continuous_update=False, style={"description_width": "initial"}),
        "learning_rate": W.FloatLogSlider(value=learning_rate, base=10, min=-2, max=1,
                                          step=0.25, description="learning rate",
                                          readout_format=".3g", continuous_update=False,
                                          style={"description_width": "initial"}),
        "data": W.Dropdown(options=list(DATASETS), value=data, description="data"),
    }

    def draw(activation, depth, learning_rate, data):
        X, y = DATASETS[data]()
        model, history, diverged = fit_mlp(X, y, activation, depth=depth, width=width,
                                           learning_rate=learning_rate, epochs=epochs,
                                           seed=seed)
        fig, axes = plt.subplots(1, 2, figsize=(7.5, 3.4), layout="constrained")
        explorer_panels(model, history, X, y, axes, diverged=diverged)
        fig.suptitle(f"{activation}, {depth} hidden layer{'s' * (depth > 1)} of {width}, "
                     f"learning rate {learning_rate:.3g}", fontsize=10)
        plt.show()

    out = W.interactive_output(draw, controls)
    return W.VBox([W.HBox([controls["activation"], controls["data"]]),
                   W.HBox([controls["depth"], controls["learning_rate"]]), out])
