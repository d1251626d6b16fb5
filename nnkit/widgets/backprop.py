"""Chapter 04's explorer: sliders for the six weights of the worked example (inputs
x = (1, 0.5), two sigmoid hidden units, one sigmoid output, binary cross-entropy) and a
choice of target redraw its computational graph with every forward value and gradient,
and print the weight gradients next to the worked example's. ``explorer_view`` is what
it shows for one setting; small multiples of it are the static companion."""
import ipywidgets as W
import matplotlib.pyplot as plt
import numpy as np

from ..exercises.ch04 import WORKED_EXAMPLE, worked_example_model
from ..plot.backprop_graph import backprop_graph

# Slider name -> (layer, row, column) of the weight in that layer's W.
WEIGHTS = {"w1_11": (0, 0, 0), "w1_12": (0, 0, 1), "w1_21": (0, 1, 0), "w1_22": (0, 1, 1),
           "w2_11": (1, 0, 0), "w2_21": (1, 1, 0)}
DEFAULTS = {name: float(WORKED_EXAMPLE[f"W{l + 1}"][r, c])
            for name, (l, r, c) in WEIGHTS.items()}
LIMIT = 3.0  # the sliders run from -LIMIT to LIMIT


def _tex(name):
    """'w2_11' -> 'w^{[2]}_{11}'."""
    return f"w^{{[{name[1]}]}}_{{{name[3:]}}}"


def explorer_model(y=1.0, **weights):
    """The worked example's network with some of its six weights changed, e.g.
    ``explorer_model(w2_11=3.0)``, and the target as an array (1, 1). Returns
    (model, y)."""
    unknown = sorted(set(weights) - set(WEIGHTS))
    if unknown:
        raise ValueError(f"Unknown weight {unknown[0]!r}; expected some of {list(WEIGHTS)}. "
                         f"Received: {unknown[0]}={weights[unknown[0]]!r}")
    for name, value in weights.items():
        try:
            good = not isinstance(value, bool) and np.ndim(value) == 0 and np.isfinite(value)
        except TypeError:
            good = False
        if not good:
            raise ValueError(f"A weight must be a finite number. Received: {name}={value!r}")
    if np.ndim(y) != 0 or float(y) not in (0.0, 1.0):
        raise ValueError(f"The target y must be 0 or 1 (the classes of the sigmoid output). "
                         f"Received: y={y!r}")
    model = worked_example_model()
    for name, value in weights.items():
        l, r, c = WEIGHTS[name]
        model.layers[l].W[r, c] = float(value)
    return model, np.array([[float(y)]])


def gradient_table(settings):
    """A text table with one column per setting (a dict such as ``{"w2_11": -3.0}``, or
    ``{}`` for the worked example; ``"y"`` sets the target): y_hat, the loss, dL/dz of
    the output, and the gradient of each of the six weights."""
    columns, heads = [], []
    for setting in settings:
        setting = dict(setting)
        model, y = explorer_model(**setting)
        y_hat = model.forward(WORKED_EXAMPLE["x"])
        loss = model.compute_loss(y, y_hat)
        model.backward(y, y_hat)
        dW = [layer.grads[0] for layer in model.layers]
        column = [y_hat[0, 0], loss, y_hat[0, 0] - y[0, 0]] + \
            [dW[l][r, c] for l, r, c in WEIGHTS.values()]
        columns.append([v + 0.0 for v in column])  # + 0.0: no "-0.0000" in the table
        heads.append(", ".join(f"{k}={v:g}" for k, v in setting.items()) or "worked example")
    width = max(10, *(len(h) + 2 for h in heads))
    rows = ["y_hat", "L", "dL/dz2"] + [f"dL/d{name}" for name in WEIGHTS]
    lines = [f"{'':<9}" + "".join(f"{h:>{width}}" for h in heads)]
    for i, row in enumerate(rows):
        lines.append(f"{row:<9}" + "".join(f"{col[i]:>{width}.4f}" for col in columns))
    return "\n".join(lines)


def explorer_view(y=1.0, ax=None, **weights):
    """What the explorer shows for one setting: the graph of the worked example with the
    given weights changed (drawn in bold blue) and target ``y``, and the gradient table
    against the worked example's. Returns (figure, table text)."""
    model, y_arr = explorer_model(y, **weights)
    if ax is None:
        _, ax = plt.subplots(figsize=(8.4, 3.6), layout="constrained")
    backprop_graph(model, WORKED_EXAMPLE["x"], y_arr, ax=ax, legend=False,
                   reference=worked_example_model())
    # Slider values can be off by a rounding error: 0.30000000000000004 is still 0.3.
    now = {name: float(value) for name, value in weights.items()
           if abs(value - DEFAULTS[name]) > 1e-9}
    title = [f"${_tex(name)}$ = {value:g} (was {DEFAULTS[name]:g})"
             for name, value in now.items()] or ["the worked example's weights"]
    if y != 1:
        now["y"] = y
        title.append("target $y$ = 0")
    ax.set_title(", ".join(title), fontsize=12, loc="left")
    table = gradient_table([{}, now] if now else [{}])
    return ax.figure, table


def backprop_explorer(y=1.0, **weights):
    """Sliders for the six weights of the worked example (from -3 to 3), buttons for the
    target y and a button back to the worked example; each change redraws the graph
    with every forward value and gradient, and prints the weight gradients next to the
    worked example's. Returns the widget."""
    explorer_model(y, **weights)  # bad names and values fail here, not in the widget
    start = dict(DEFAULTS, **weights)
    outside = {k: v for k, v in start.items() if abs(v) > LIMIT}
    if outside:
        raise ValueError(f"The sliders run from {-LIMIT} to {LIMIT}. Received: {outside}")
    slider = dict(min=-LIMIT, max=LIMIT, step=0.1, readout_format=".1f",
                  continuous_update=False)
    controls = {name: W.FloatSlider(value=start[name], description=rf"\({_tex(name)}\)",
                                    **slider) for name in WEIGHTS}
    controls["y"] = W.ToggleButtons(options=[("1", 1.0), ("0", 0.0)], value=float(y),
                                    description=r"target \(y\)",
                                    style={"button_width": "3em"})
    reset = W.Button(description="back to the worked example",
                     layout=W.Layout(width="auto"))

    def back(_):
        for name, value in DEFAULTS.items():
            controls[name].value = value
        controls["y"].value = 1.0

    reset.on_click(back)

    def draw(y, **weights):
        _, table = explorer_view(y, **weights)
        plt.show()
        print(table)

    out = W.interactive_output(draw, controls)
    first = W.VBox([controls[name] for name in ("w1_11", "w1_12", "w1_21", "w1_22")])
    second = W.VBox([controls["w2_11"], controls["w2_21"], controls["y"], reset])
    return W.VBox([W.HBox([first, second], layout=W.Layout(flex_flow="row wrap")), out])
