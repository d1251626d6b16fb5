"""nnkit.playground: the state object and the runner."""
import json

import numpy as np
import pytest

from nnkit.playground import (FEATURES, SCALE, Playground, PlaygroundState, make_features)


def test_state_round_trips_through_dict_and_json():
    s = PlaygroundState(dataset="spiral", noise=0.1, features=["x1", "sin(x2)"],
                        hidden_layers=[3, 2], activation="relu", learning_rate=0.1,
                        regularization="l2", regularization_rate=0.003, batch_size=5, seed=7)
    assert PlaygroundState.from_json(s.to_json()) == s
    assert PlaygroundState.from_dict(json.loads(s.to_json())) == s
    assert s.to_dict()["hidden_layers"] == [3, 2] and s.features == ("x1", "sin(x2)")


@pytest.mark.parametrize("change, named", [
    ({"dataset": "moons"}, "'moons'"), ({"noise": 0.9}, "0.9"),
    ({"features": ["x1", "x3"]}, "x3"), ({"features": []}, "()"),
    ({"hidden_layers": [4, 0]}, "(4, 0)"), ({"hidden_layers": [9]}, "(9,)"),
    ({"activation": "softmax"}, "softmax"), ({"learning_rate": -1}, "-1"),
    ({"regularization": "l3"}, "l3"), ({"batch_size": 2.5}, "2.5"),
    ({"seed": -1}, "-1"), ({"train_fraction": 1.0}, "1.0"),
    ({"features": [["x1"]]}, "(['x1'],)"), ({"features": ["x1", "x1"]}, "('x1', 'x1')"),
    ({"dataset": ["xor"]}, "['xor']"), ({"points": 10}, "10"),
    ({"regularization_rate": float("nan")}, "nan"), ({"learning_rate": 0}, "0"),
])
def test_bad_settings_raise_errors_naming_the_value(change, named):
    with pytest.raises(ValueError, match="Received") as e:
        PlaygroundState(**change)
    assert named in str(e.value) and list(change)[0] in str(e.value)


def test_numpy_numbers_are_written_as_plain_json():
    s = PlaygroundState(hidden_layers=np.array([3, 2]), learning_rate=np.float32(0.5),
                        seed=np.int64(3))
    d = json.loads(s.to_json())
    assert d["hidden_layers"] == [3, 2] and d["learning_rate"] == 0.5 and d["seed"] == 3
    assert PlaygroundState.from_json(s.to_json()).hidden_layers == (3, 2)


def test_loading_rejects_unknown_keys_and_bad_json():
    with pytest.raises(ValueError, match="colour"):
        PlaygroundState.from_dict({"colour": "red"})
    with pytest.raises(ValueError, match="Received"):
        PlaygroundState.from_json("{not json")
    with pytest.raises(TypeError, match="list"):
        PlaygroundState.from_dict([1, 2])


def test_features_are_computed_on_scaled_coordinates():
    X = np.array([[0.1, -0.2], [0.3, 0.0]])
    F = make_features(X, list(FEATURES))
    u = SCALE * X
    expected = np.column_stack([u[:, 0], u[:, 1], u[:, 0] ** 2, u[:, 1] ** 2,
                                u[:, 0] * u[:, 1], np.sin(u[:, 0]), np.sin(u[:, 1])])
    np.testing.assert_allclose(F, expected)
    assert make_features(X, ["x1x2"]).shape == (2, 1)
    with pytest.raises(ValueError, match="shape"):
        make_features(np.zeros((3, 3)), ["x1"])


def test_model_matches_the_state():
    pg = Playground(PlaygroundState(features=("x1", "x2", "x1^2"), hidden_layers=(5, 3),
                                    activation="relu", regularization="l1",
                                    regularization_rate=0.01))
    widths = [w.shape for w in pg.model.get_weights()[::2]]
    assert widths == [(3, 5), (5, 3), (3, 1)]
    assert pg.model.layers[0].activation.name == "relu"
    assert pg.model.layers[-1].activation.name == "sigmoid"
    assert len(pg.X_train) == 200 and len(pg.X_test) == 200
    assert pg.history["loss"] and pg.epoch == 0


def test_training_decreases_loss_and_records_each_epoch():
    pg = Playground(PlaygroundState(dataset="xor", features=("x1", "x2", "x1x2"),
                                    hidden_layers=()))
    first = pg.train_loss()
    pg.step(30)
    assert pg.epoch == 30 and len(pg.history["loss"]) == len(pg.history["val_loss"]) == 31
    assert pg.train_loss() < 0.5 * first and pg.test_accuracy() > 0.9


def test_same_seed_same_run_different_seed_different_run():
    s = PlaygroundState(dataset="circle", hidden_layers=(3,))
    a = Playground(s).step(5)
    b = Playground(s)
    for _ in range(5):
        b.step(1)  # epoch by epoch is the same run as 5 at once
    assert a.history == b.history
    c = Playground(s.replace(seed=1)).step(5)
    assert c.history["loss"] != a.history["loss"]


def test_reset_restores_initial_weights():
    pg = Playground(PlaygroundState(hidden_layers=(2,)))
    w0 = pg.model.get_weights()
    pg.step(3).reset()
    assert pg.epoch == 0 and all(np.array_equal(a, b) for a, b in zip(w0, pg.model.get_weights()))


def test_divergence_is_caught_and_stops_training():
    pg = Playground(PlaygroundState(dataset="circle", features=("x1^2", "x2^2", "x1x2"),
                                    hidden_layers=(8, 8), activation="linear",
                                    learning_rate=3.0, batch_size=1))
    pg.step(20)
    assert pg.diverged and pg.epoch < 20
    assert len(pg.history["loss"]) == pg.epoch + 1
    epoch = pg.epoch
    assert pg.step(5).epoch == epoch


def test_grids_have_the_expected_shapes():
    pg = Playground(PlaygroundState(hidden_layers=(4, 2)))
    p = pg.probabilities(20)
    assert p.shape == (20, 20) and np.all((p >= 0) & (p <= 1))
    outs = pg.neuron_outputs(10)
    assert [o.shape for o in outs] == [(4, 10, 10), (2, 10, 10)]
    g = pg.grid(3)
    assert g[0].tolist() == [-pg.extent, pg.extent]  # top-left corner first


def test_step_rejects_bad_epochs_and_runner_rejects_bad_state():
    with pytest.raises(ValueError, match="epochs=0"):
        Playground().step(0)
    with pytest.raises(TypeError, match="Received"):
        Playground({"dataset": "xor"})
