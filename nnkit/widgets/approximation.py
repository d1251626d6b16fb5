"""Chapter 02's explorer: a slider sets the number of hidden neurons, and the plot shows
how one hidden layer of that width fits a 1-D target, neuron by neuron. The static
companion for the HTML book is ``nnkit.plot.approximations`` (small multiples)."""
import ipywidgets as W
import matplotlib.pyplot as plt

from ..data import REGRESSION_TARGETS, regression_1d
from ..experiments import curve_error
from ..plot.approximation import hidden_contributions

DEFAULT_WIDTHS = (1, 2, 3, 4, 6, 8, 12, 16, 32)


def approximation_explorer(make_model, targets=("sine", "step", "abs"),
                           widths=DEFAULT_WIDTHS, fit_kwargs=None, fits=None, n=200,
                           seed=0, target=None, width=None):
    """A menu for the target, a slider for the width, and the fit with each hidden
    neuron's term drawn thinly beneath it. Returns the widget.

    Args:
        make_model: ``(width, seed) -> compiled model`` with one hidden layer and a
            linear output of one neuron, the chapter's model.
        targets: names from ``nnkit.data.REGRESSION_TARGETS``.
        widths: the slider's values.
        fit_kwargs: keyword arguments for ``fit`` (epochs, batch_size, ...).
        fits: optional dict ``{(target, width): trained model}`` already computed; the
            widget trains (once) only the combinations it lacks, on n evenly spaced
            points of [-1, 1].
        seed: the seed passed to ``make_model`` for the fits it trains.
        target, width: the initial choice (default: the first of each).
    """
    if not callable(make_model):
        raise TypeError("make_model must be a function (width, seed) -> compiled model. "
                        f"Received: {type(make_model).__name__}.")
    unknown = [t for t in targets if t not in REGRESSION_TARGETS]
    if unknown:
        raise ValueError(f"Unknown targets {unknown}; expected names from "
                         f"{list(REGRESSION_TARGETS)}.")
    widths = sorted(set(widths) | {w for _, w in (fits or {})})
    cache = dict(fits or {})
    controls = {
        "target": W.Dropdown(options=list(targets), value=target or targets[0],
                             description="target"),
        "width": W.SelectionSlider(options=widths, value=width or widths[0],
                                   description="neurons", continuous_update=False),
    }

    def fit(target, width):
        if (target, width) not in cache:
            X, y = regression_1d(target, n=n, grid=True)
            model = make_model(width, seed)
            model.fit(X, y, **(fit_kwargs or {}))
            cache[target, width] = model
        return cache[target, width]

    def draw(target, width):
        model = fit(target, width)
        fig, ax = plt.subplots(figsize=(6, 3.6), layout="constrained")
        error = curve_error(model, REGRESSION_TARGETS[target])
        hidden_contributions(model, target, ax=ax,
                             title=f"{target}: {width} hidden neurons, RMSE {error:.3f}")
        plt.show()

    out = W.interactive_output(draw, controls)
    return W.VBox([W.HBox(list(controls.values())), out])
