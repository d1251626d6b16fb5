"""The chapter 09 Playground widget: controls, buttons, JSON, and its view."""
import matplotlib

matplotlib.use("Agg")

import nnkit as nk  # noqa: E402
from nnkit.playground import Playground, PlaygroundState  # noqa: E402
from nnkit.widgets.playground import playground_view, state_from_controls  # noqa: E402


def test_controls_show_the_given_state():
    s = PlaygroundState(dataset="spiral", features=("x1", "sin(x1)"), hidden_layers=(3, 2),
                        learning_rate=0.1, regularization="l2", regularization_rate=0.01)
    box = nk.widgets.playground(s.to_json())
    c, f = box.controls, box.features
    assert c["dataset"].value == "spiral" and c["hidden_layers"].value == "3, 2"
    assert c["learning_rate"].value == 0.1 and c["regularization"].value == "l2"
    assert [k for k, w in f.items() if w.value] == ["x1", "sin(x1)"]
    assert state_from_controls(c, f) == s
    assert all(w.description for w in list(c.values()) + list(f.values()))
    assert box.neurons.layout.width == "102px"  # two layers of 48 px and a 6 px gap


def test_step_play_reset_update_the_picture_and_losses():
    box = nk.widgets.playground(PlaygroundState(dataset="xor", hidden_layers=(2,)))
    first = box.image.value
    box.step_button.click()
    assert box.playground.epoch == 1 and box.status.value.startswith("epoch 1")
    box.play.value = 1
    box.play.value = 2
    assert box.playground.epoch == 3 and box.image.value != first
    box.reset_button.click()
    assert box.playground.epoch == 0 and box.image.value == first


def test_changing_a_control_rebuilds_and_bad_input_is_reported():
    box = nk.widgets.playground()
    box.controls["hidden_layers"].value = "5"
    assert box.playground.state.hidden_layers == (5,)
    assert '"hidden_layers": [5]' in box.json.value
    box.controls["hidden_layers"].value = "5, x"
    assert "Received: '5, x'" in box.message.value
    box.controls["hidden_layers"].value = "9"
    assert "(9,)" in box.message.value and box.playground.state.hidden_layers == (5,)


def test_load_json_sets_the_controls():
    box = nk.widgets.playground()
    box.json.value = PlaygroundState(dataset="gaussians", activation="relu",
                                     learning_rate=0.07, hidden_layers=()).to_json()
    box.load_button.click()
    assert box.controls["dataset"].value == "gaussians"
    assert box.controls["learning_rate"].value == 0.07
    assert box.playground.state.activation == "relu"
    assert box.neurons.layout.display == "none"
    box.json.value = '{"dataset": "moons"}'
    box.load_button.click()
    assert "'moons'" in box.message.value and box.playground.state.dataset == "gaussians"


def test_view_reports_epoch_losses_and_divergence():
    pg = Playground(PlaygroundState(hidden_layers=(2,)))
    png, net, status = playground_view(pg, resolution=20, scale=1)
    assert png[:4] == b"\x89PNG" and net[:4] == b"\x89PNG"
    assert status.startswith("epoch 0") and "test loss" in status
    pg.diverged = True
    assert "diverged" in playground_view(pg, resolution=20)[2]
