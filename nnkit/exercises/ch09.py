"""Checks for the exercises of chapter 09 (TensorFlow Playground on nnkit).

Each check takes a Playground setting as the student wrote it out (``state.to_json()``,
a dict, or the ``PlaygroundState`` itself), trains it as the Playground would, and says
whether it does the job.
"""
import textwrap

from ..playground import LEARNING_RATES, Playground, PlaygroundState

SPIRAL_EPOCHS = 300
CIRCLE_EPOCHS = 100


def _wrap(text):
    # Wrapped, so that the message does not scroll sideways in the book's solution boxes.
    return textwrap.fill(text, 66, break_on_hyphens=False)


def _state(state):
    if isinstance(state, PlaygroundState):
        return state
    if isinstance(state, str):
        return PlaygroundState.from_json(state)
    if isinstance(state, dict):
        return PlaygroundState.from_dict(state)
    raise TypeError(_wrap("Pass the state as JSON text (state.to_json()), a dict or a "
                    f"PlaygroundState. Received: {type(state).__name__} {state!r}"))


def _same_data(state, dataset):
    # The data settings are part of the task, not of the answer.
    default = PlaygroundState()
    for name in ("noise", "train_fraction", "points", "seed"):
        assert getattr(state, name) == getattr(default, name), _wrap(
            f"Keep the task's data: {name}={getattr(default, name)!r}. "
            f"Received: {name}={getattr(state, name)!r}")
    assert state.dataset == dataset, _wrap(
        f"This exercise is about the {dataset!r} data set. Received: dataset={state.dataset!r}")


def check_small_spiral(state, target=0.9):
    """A Playground setting for the spiral (noise 0, the default data) that reaches test
    accuracy ``target`` after 300 epochs. Prints its number of weights: the smaller the
    better. Returns the trained Playground."""
    state = _state(state)
    _same_data(state, "spiral")
    pg = Playground(state).step(SPIRAL_EPOCHS)
    assert not pg.diverged, _wrap("Training diverged: the loss became infinite. Lower the "
                             f"learning rate (received {state.learning_rate}).")
    acc, n = pg.test_accuracy(), pg.model.count_params()
    assert acc >= target, _wrap(
        f"After {SPIRAL_EPOCHS} epochs the test accuracy is {acc:.2f}, below {target}. "
        f"Received: features {list(state.features)}, hidden layers "
        f"{list(state.hidden_layers)}. Try more neurons, more layers, or the sin features.")
    print(_wrap(f"Correct: test accuracy {acc:.2f} after {SPIRAL_EPOCHS} epochs with "
                f"{n} weights (features {list(state.features)}, hidden layers "
                f"{list(state.hidden_layers)}). The plain 8-8-8 network on x1, x2 has 177."))
    return pg


def check_circle_without_hidden_layers(state, target=0.95):
    """A setting with no hidden layer that classifies the circle with test accuracy
    ``target`` after 100 epochs: only a choice of features can make that possible."""
    state = _state(state)
    _same_data(state, "circle")
    assert state.hidden_layers == (), _wrap(
        "No hidden layers in this exercise: one sigmoid neuron on your features. "
        f"Received: hidden_layers={list(state.hidden_layers)}")
    pg = Playground(state).step(CIRCLE_EPOCHS)
    acc = 0.0 if pg.diverged else pg.test_accuracy()
    assert acc >= target, _wrap(
        f"One neuron on {list(state.features)} reaches test accuracy {acc:.2f} after "
        f"{CIRCLE_EPOCHS} epochs, below {target}. The class depends on the distance from "
        "the centre: which features add up to its square?")
    w = pg.model.get_weights()[0].ravel().round(2).tolist()
    print(_wrap(f"Correct: test accuracy {acc:.2f} with features {list(state.features)}; "
                f"weights {w}. The neuron's line in feature space is a circle in the plane."))
    return pg


def learning_rate_window(epochs=50, threshold=0.2):
    """The learning rates of the Playground's menu with which the default state's training
    loss is below ``threshold`` after ``epochs`` epochs."""
    window = []
    for lr in LEARNING_RATES:
        pg = Playground(PlaygroundState(learning_rate=lr)).step(epochs)
        if not pg.diverged and pg.train_loss() < threshold:
            window.append(lr)
    return window


def check_learning_rate_window(rates):
    """``rates``: the learning rates of the menu (``nk.playground.LEARNING_RATES``) that
    bring the default network's training loss below 0.2 within 50 epochs."""
    try:
        chosen = sorted(float(r) for r in rates)
    except (TypeError, ValueError):
        raise TypeError(_wrap(f"rates must be a list of numbers. Received: {rates!r}")) from None
    unknown = [r for r in chosen if r not in LEARNING_RATES]
    assert not unknown, _wrap(f"Choose from the menu {LEARNING_RATES}. Received: {unknown} "
                         "not on it.")
    right = learning_rate_window()
    missing, extra = sorted(set(right) - set(chosen)), sorted(set(chosen) - set(right))
    assert not missing and not extra, _wrap(
        f"Not quite. Missing: {missing or 'none'}; wrongly included: {extra or 'none'}. "
        "Train each rate for 50 epochs and read pg.train_loss().")
    print(_wrap(f"Correct: {right} reach a training loss below 0.2 in 50 epochs. The window "
                f"spans a factor of {right[-1] / right[0]:g}; a factor of 3 beyond it on "
                "either side, training is too slow or unstable."))
