"""Chapter 06's explorer: sliders for the noise, the size of the training set, the L2
strength and the dropout rate retrain a small network on the noisy circle and redraw
its decision boundary and its training and validation loss curves. Its static
companion is ``nnkit.plot.regularization_grid``, which runs the same experiment."""
import ipywidgets as W
import matplotlib.pyplot as plt

from ..plot.overfitting import _subplots, regularization_demo, regularization_panel

L2_STRENGTHS = [0.0, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3]
TRAIN_SIZES = [20, 50, 100, 200, 400]


def regularization_explorer(noise=0.2, n_train=50, l2=0.0, dropout=0.0, seed=0):
    """Sliders for ``noise`` (std of the jitter), ``n_train`` (training points), ``l2``
    (the kernel penalty of every hidden layer) and ``dropout`` (the rate after every
    hidden layer). Each change retrains the network (about a second) and redraws.
    Returns the widget."""
    if l2 not in L2_STRENGTHS:
        raise ValueError(f"l2 must be one of {L2_STRENGTHS}. Received: l2={l2!r}")
    if n_train not in TRAIN_SIZES:
        raise ValueError(f"n_train must be one of {TRAIN_SIZES}. Received: n_train={n_train!r}")
    style = {"description_width": "initial"}
    controls = {
        "noise": W.FloatSlider(value=noise, min=0.0, max=0.4, step=0.05, description="noise",
                               continuous_update=False, style=style),
        "n_train": W.SelectionSlider(options=TRAIN_SIZES, value=n_train,
                                     description="training points", continuous_update=False,
                                     style=style),
        "l2": W.SelectionSlider(options=L2_STRENGTHS, value=l2, description="L2 strength",
                                continuous_update=False, style=style),
        "dropout": W.FloatSlider(value=dropout, min=0.0, max=0.7, step=0.1,
                                 description="dropout rate", continuous_update=False,
                                 style=style),
    }

    def draw(noise, n_train, l2, dropout):
        result = regularization_demo(noise=noise, n_train=n_train, l2=l2, dropout=dropout,
                                     seed=seed)
        fig, axes = _subplots(2, width=3.4, height=3.2)
        regularization_panel(result, axes[0], title="boundary over the training points")
        axes[0, 1].set_ylim(0.01, 10)
        plt.show()

    out = W.interactive_output(draw, controls)
    return W.VBox([W.HBox([W.VBox(list(controls.values())[:2]),
                           W.VBox(list(controls.values())[2:])]), out])
