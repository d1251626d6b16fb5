"""Chapter 09's Playground: every setting of a ``PlaygroundState`` is one labelled control;
Play, Step and Reset train a ``Playground`` and redraw its picture after every epoch.

The controls only read and write the state; ``playground_view`` computes what is shown
for a Playground (PNG bytes and a status line), so it can be tested without a browser.
"""
import html

import ipywidgets as W

from ..playground import (ACTIVATIONS, DATASETS, FEATURE_LABELS, FEATURES, LEARNING_RATES,
                          REGULARIZATION_RATES, REGULARIZATIONS, Playground, PlaygroundState)
from ..plot.playground import boundary_image, network_image, to_png


def playground_view(pg, resolution=100, scale=3):
    """What the Playground shows for ``pg`` now: (PNG bytes of the output picture, PNG
    bytes of the hidden units' pictures or None without hidden layers, status text with
    the epoch, train and test loss)."""
    png = to_png(boundary_image(pg, resolution, scale=scale, show_test=True))
    net = to_png(network_image(pg)) if pg.state.hidden_layers else None
    if pg.diverged:
        status = f"epoch {pg.epoch}: training diverged; lower the learning rate and Reset"
    else:
        status = (f"epoch {pg.epoch}\ntrain loss {pg.train_loss():.3f}, "
                  f"test loss {pg.test_loss():.3f}, test accuracy {pg.test_accuracy():.2f}")
    return png, net, status


def _controls(state):
    style = {"description_width": "initial"}
    c = {
        "dataset": W.Dropdown(options=list(DATASETS), value=state.dataset,
                              description="data set", style=style),
        "noise": W.FloatSlider(value=state.noise, min=0, max=0.5, step=0.05,
                               description="noise", continuous_update=False, style=style),
        "train_fraction": W.FloatSlider(value=state.train_fraction, min=0.1, max=0.9,
                                        step=0.1, description="training fraction",
                                        continuous_update=False, style=style),
        "batch_size": W.IntSlider(value=state.batch_size, min=1, max=max(30, state.batch_size),
                                  description="batch size",
                                  continuous_update=False, style=style),
        "hidden_layers": W.Text(value=", ".join(map(str, state.hidden_layers)),
                                description="hidden layers (neurons each)",
                                placeholder="e.g. 4, 2", continuous_update=False, style=style),
        "activation": W.Dropdown(options=list(ACTIVATIONS), value=state.activation,
                                 description="activation", style=style),
        "learning_rate": W.SelectionSlider(options=sorted(set(LEARNING_RATES + [state.learning_rate])),
                                           value=state.learning_rate, description="learning rate",
                                           continuous_update=False, style=style),
        "regularization": W.Dropdown(options=list(REGULARIZATIONS), value=state.regularization,
                                     description="regularization", style=style),
        "regularization_rate": W.SelectionSlider(
            options=sorted(set(REGULARIZATION_RATES + [state.regularization_rate])),
            value=state.regularization_rate, description="regularization rate",
            continuous_update=False, style=style),
        "seed": W.BoundedIntText(value=state.seed, min=0, max=10**6, description="seed",
                                 style=style),
    }
    for w in c.values():
        w.layout.width = "300px"  # one column, no horizontal scrolling
    features = {f: W.Checkbox(value=f in state.features, description=FEATURE_LABELS[f],
                              indent=False, layout=W.Layout(width="80px")) for f in FEATURES}
    return c, features


def state_from_controls(controls, features, base=None):
    """The PlaygroundState the controls show (raises ValueError naming a bad value)."""
    text = controls["hidden_layers"].value.replace(" ", "")
    try:
        layers = tuple(int(k) for k in text.split(",") if k)
    except ValueError:
        raise ValueError("hidden layers must be widths separated by commas, e.g. 4, 2. "
                         f"Received: {controls['hidden_layers'].value!r}") from None
    values = {k: w.value for k, w in controls.items() if k != "hidden_layers"}
    chosen = tuple(f for f, box in features.items() if box.value)
    points = base.points if base is not None else PlaygroundState().points
    return PlaygroundState(hidden_layers=layers, features=chosen, points=points, **values)


def playground(state=None, resolution=100):
    """The Playground in a notebook. ``state``: a PlaygroundState, its dict or its JSON
    (default: the default state). Returns the widget; its ``.playground`` attribute is
    the running ``Playground``."""
    if state is None:
        state = PlaygroundState()
    elif isinstance(state, str):
        state = PlaygroundState.from_json(state)
    elif isinstance(state, dict):
        state = PlaygroundState.from_dict(state)
    elif not isinstance(state, PlaygroundState):
        raise TypeError(f"state must be a PlaygroundState, a dict or JSON. Received: {state!r}")
    controls, features = _controls(state)
    image = W.Image(format="png", layout=W.Layout(width="300px", height="300px"))
    neurons = W.Image(format="png")
    status = W.HTML()
    message = W.Label()
    # No repeat button: the counter only drives steps, so "loop" would mean nothing.
    play = W.Play(value=0, min=0, max=10**6, interval=100, description="Play / Pause",
                  show_repeat=False)
    small = dict(layout=W.Layout(width="64px"))
    step_button = W.Button(description="Step", tooltip="train one epoch", **small)
    reset_button = W.Button(description="Reset", tooltip="back to epoch 0: the seed's initial weights", **small)
    json_box = W.Textarea(value=state.to_json(), description="state (JSON)",
                          layout=W.Layout(flex="1 1 300px", height="70px"),
                          style={"description_width": "initial"})
    load_button = W.Button(description="Load JSON")
    box = None

    def show():
        image.value, net, text = playground_view(box.playground, resolution)
        status.value = html.escape(text).replace("\n", "<br>")
        neurons.value = net if net is not None else b""
        neurons.layout.display = None if net is not None else "none"
        # Shown at its own size (48 px a unit, 6 px gaps), not stretched to the column.
        neurons.layout.width = f"{54 * len(box.playground.state.hidden_layers) - 6}px"

    def rebuild(_=None):
        try:
            new = state_from_controls(controls, features, box.playground.state)
        except ValueError as e:
            message.value = str(e)
            return
        message.value = ""
        box.playground = Playground(new)
        json_box.value = new.to_json()
        show()

    def step(_=None):
        box.playground.step(1)
        show()

    def on_play(change):
        if change["new"] > change["old"]:
            step()

    def load(_=None):
        try:
            new = PlaygroundState.from_json(json_box.value)
        except (ValueError, TypeError) as e:
            message.value = str(e)
            return
        for k, w in controls.items():
            w.unobserve(rebuild, "value")
        for w in features.values():
            w.unobserve(rebuild, "value")
        for k, w in controls.items():
            if k == "hidden_layers":
                w.value = ", ".join(map(str, new.hidden_layers))
            elif isinstance(w, W.SelectionSlider) and getattr(new, k) not in w.options:
                w.options = sorted(set(w.options) | {getattr(new, k)})
                w.value = getattr(new, k)
            else:
                w.value = getattr(new, k)
        for f, w in features.items():
            w.value = f in new.features
        observe()
        message.value = ""
        box.playground = Playground(new)
        show()

    def observe():
        for w in list(controls.values()) + list(features.values()):
            w.observe(rebuild, "value")

    observe()
    play.observe(on_play, "value")
    step_button.on_click(step)
    reset_button.on_click(lambda _: (box.playground.reset(), show()))
    load_button.on_click(load)

    boxes = list(features.values())
    left = W.VBox([controls["dataset"], controls["noise"], controls["train_fraction"],
                   controls["batch_size"], W.Label("features"),
                   W.HBox(boxes[:4]), W.HBox(boxes[4:]),
                   controls["hidden_layers"], controls["activation"], controls["learning_rate"],
                   controls["regularization"], controls["regularization_rate"],
                   controls["seed"]], layout=W.Layout(flex="0 0 310px"))
    # Label, play/stop, Step and Reset fit the 340 px column without being cut.
    play_label = W.Label("Play / Pause", layout=W.Layout(flex="0 0 auto", width="84px"))
    right = W.VBox([W.HBox([play_label, play, step_button, reset_button]),
                    image, status,
                    W.Label("hidden units (columns: layers)"), neurons],
                   layout=W.Layout(flex="0 0 340px"))
    # Wrapping rows: on a narrow screen the picture column moves below the controls.
    box = W.VBox([W.HBox([left, right], layout=W.Layout(flex_flow="row wrap")), message,
                  W.HBox([json_box, load_button], layout=W.Layout(flex_flow="row wrap"))])
    box.controls, box.features, box.image, box.status = controls, features, image, status
    box.neurons = neurons
    box.play, box.step_button, box.reset_button = play, step_button, reset_button
    box.json, box.load_button, box.message = json_box, load_button, message
    box.playground = Playground(state)
    show()
    return box
