"""nnkit.diagnostics measures what it claims: gradient norms agree with finite
differences, dead units are exactly the units with z <= 0 on every example, and the
comparison runner gives every activation the same seeds."""
import numpy as np
import pytest

import nnkit as nk
from nnkit import diagnostics as dg


def compiled(model, loss="binary_crossentropy"):
    model.compile(optimizer=nk.SGD(learning_rate=0.1), loss=loss)
    return model


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "leaky_relu"])
def test_gradient_norms_match_finite_differences(activation):
    X, y = nk.data.circle(30, seed=1)
    model = compiled(dg.mlp(activation, hidden=(5, 4), seed=3))
    model.build(2)
    norms = dg.gradient_norms(model, X, y)
    loss = lambda: model.compute_loss(y, model.forward(X))  # noqa: E731
    dense = [layer for layer in model.layers]
    expected = [np.linalg.norm(nk.numerical_gradient(loss, layer.W)) for layer in dense]
    np.testing.assert_allclose(norms, expected, rtol=1e-6)
    rms = dg.gradient_norms(model, X, y, rms=True)
    np.testing.assert_allclose(rms, norms / np.sqrt([layer.W.size for layer in dense]))


def test_gradient_norms_change_no_weight():
    X, y = nk.data.circle(30, seed=1)
    model = compiled(dg.mlp("tanh", seed=0))
    model.build(2)
    before = model.get_weights()
    dg.gradient_norms(model, X, y)
    for a, b in zip(before, model.get_weights()):
        np.testing.assert_array_equal(a, b)


def test_sigmoid_gradients_vanish_and_tanh_relu_ones_do_not():
    X, y = nk.data.circle(200, seed=0)
    norms = dg.gradient_norms_at_init(X, y, ["sigmoid", "tanh", "relu"], seeds=(0, 1, 2))
    assert norms["sigmoid"].shape == (3, 10)
    sig = np.median(norms["sigmoid"], axis=0)
    # Going back one hidden layer costs sigmoid at least a factor 3 (sigmoid' <= 1/4) ...
    assert np.all(sig[:-2] < sig[1:-1] / 3)
    assert sig[0] < 1e-6 * sig[-1]
    # ... while tanh and ReLU keep the first layer within a factor 20 of the last hidden one.
    for name in ("tanh", "relu"):
        med = np.median(norms[name], axis=0)
        assert med[0] > med[-2] / 20, name


def test_gradient_norms_bad_input():
    X, y = nk.data.circle(10, seed=0)
    with pytest.raises(RuntimeError, match="compile"):
        dg.gradient_norms(dg.mlp("relu"), X, y)
    with pytest.raises(TypeError, match="Received: Perceptron"):
        dg.gradient_norms(nk.Perceptron(), X, y)
    with pytest.raises(ValueError, match=r"Received: y of shape \(10,\)"):
        dg.gradient_norms(compiled(dg.mlp("relu")), X, y.ravel())
    with pytest.raises(ValueError, match="no Dense layers"):
        dg.gradient_norms(nk.Sequential([nk.Dropout(0.5)]), X, y)


def _relu_net_with_dead_unit():
    model = nk.Sequential([nk.Dense(3, activation="relu"), nk.Dense(2, activation="tanh"),
                           nk.Dense(1, activation="sigmoid")], seed=0)
    model.build(2)
    W, b = model.layers[0].get_weights()
    b[1] = -100.0  # unit 1 of the first layer: z <= 0 for any input in [-2, 2]^2
    model.layers[0].set_weights([W, b])
    return model


def test_dead_units_are_the_units_that_never_fire():
    X, y = nk.data.circle(50, seed=0)
    model = _relu_net_with_dead_unit()
    masks = dg.dead_masks(model, X)
    assert masks[1] is None  # tanh layer: not counted
    assert masks[0][1] and masks[0].dtype == bool
    z = X @ model.layers[0].W + model.layers[0].b
    np.testing.assert_array_equal(masks[0], np.all(z <= 0, axis=0))
    assert dg.dead_units(model, X) == pytest.approx(masks[0].mean())
    per = dg.dead_units(model, X, per_layer=True)
    assert per[0] == pytest.approx(masks[0].mean()) and np.isnan(per[1])


def test_a_dead_unit_gets_no_gradient():
    X, y = nk.data.circle(50, seed=0)
    model = compiled(_relu_net_with_dead_unit())
    model.backward(y, model.forward(X))
    dW, db = model.layers[0].grads
    assert np.all(dW[:, 1] == 0) and db[1] == 0
    assert np.any(dW[:, 0] != 0)


def test_dead_units_bad_input():
    X, _ = nk.data.circle(10, seed=0)
    with pytest.raises(ValueError, match=r"Received hidden activations: \['tanh'\]"):
        dg.dead_units(dg.mlp("tanh", hidden=4), X)
    with pytest.raises(ValueError, match="features"):
        model = dg.mlp("relu")
        model.build(3)
        dg.dead_units(model, X)


def test_mlp_mixes_activations_per_layer():
    model = dg.mlp(["relu", "tanh"], hidden=(8, 4), outputs=3, output_activation="softmax")
    assert [layer.activation.name for layer in model.layers] == ["relu", "tanh", "softmax"]
    assert [layer.units for layer in model.layers] == [8, 4, 3]
    assert len(dg.mlp("relu", hidden=5).layers) == 2
    with pytest.raises(ValueError, match="Got 2 activations for 3 hidden layers"):
        dg.mlp(["relu", "tanh"], hidden=(4, 4, 4))
    with pytest.raises(ValueError, match="hidden=\\[\\]"):
        dg.mlp("relu", hidden=())


def test_fit_mlp_trains_and_reports_divergence():
    X, y = nk.data.circle(100, seed=0)
    model, history, diverged = dg.fit_mlp(X, y, "tanh", depth=2, learning_rate=0.5,
                                          epochs=60)
    assert not diverged and history.history["loss"][-1] < history.history["loss"][0] / 2
    _, history, diverged = dg.fit_mlp(X, y, "leaky_relu", depth=2, learning_rate=1e3,
                                      epochs=20)
    assert diverged and len(history.history.get("loss", [])) < 20
    with pytest.raises(ValueError, match="Received: depth=0"):
        dg.fit_mlp(X, y, depth=0)


def test_too_large_a_learning_rate_kills_relu_units():
    X, y = nk.data.circle(200, seed=0)
    curves = dg.dead_units_during_training(X, y, [0.5, 10.0], seeds=(0, 1), epochs=5)
    assert set(curves) == {0.5, 10.0} and curves[0.5].shape == (2, 6)
    assert np.all(curves[10.0][:, -1] > 0.8)
    assert np.all(curves[0.5][:, -1] < 0.2)


def test_compare_activations_same_seeds_same_everything_else():
    X, y = nk.data.circle(80, seed=0)
    Xv, yv = nk.data.circle(40, seed=1)
    kwargs = dict(seeds=(0, 1), epochs=5, hidden=(6,), validation_data=(Xv, yv))
    result = dg.compare_activations(X, y, ["tanh", "relu"], **kwargs)
    again = dg.compare_activations(X, y, ["tanh", "relu"], **kwargs)
    assert [r["loss"] for r in result.runs] == [r["loss"] for r in again.runs]
    assert [(r["label"], r["seed"]) for r in result.runs] == \
        [("tanh", 0), ("tanh", 1), ("relu", 0), ("relu", 1)]
    run = result.of("relu")[1]
    assert run["accuracy"] == run["model"].evaluate(Xv, yv)[1]
    assert result.evaluated_on == "validation"
    # seed 1 gives tanh and relu the same initial weights
    a, b = dg.mlp("tanh", hidden=(6,), seed=1), dg.mlp("relu", hidden=(6,), seed=1)
    a.build(2), b.build(2)
    for wa, wb in zip(a.get_weights(), b.get_weights()):
        np.testing.assert_array_equal(wa, wb)
    rows = result.summary()
    assert [r["label"] for r in rows] == ["tanh", "relu"]
    accs = [r["accuracy"] for r in result.of("tanh")]
    assert rows[0]["accuracy_mean"] == pytest.approx(np.mean(accs))
    assert rows[0]["accuracy_min"] == min(accs)
    assert "seconds" not in result.table() and "seconds" in result.table(wall_time=True)
    assert len(result.table().splitlines()) == 3


def test_compare_activations_mixes_and_bad_input():
    X, y = nk.data.circle(40, seed=0)
    result = dg.compare_activations(X, y, {"relu then tanh": ["relu", "tanh"]}, seeds=[0],
                                    epochs=2, hidden=(4, 4))
    model = result.runs[0]["model"]
    assert [layer.activation.name for layer in model.layers] == ["relu", "tanh", "sigmoid"]
    assert result.evaluated_on == "training"
    with pytest.raises(ValueError, match=r"Received: y of shape \(40, 2\)"):
        dg.compare_activations(X, nk.data.one_hot(y, 2), ["relu"])
    with pytest.raises(ValueError, match="at least one activation"):
        dg.compare_activations(X, y, [])


def test_compare_activations_records_a_diverged_run_instead_of_stopping():
    X, y = nk.data.circle(40, seed=0)
    # Cross-entropy is clipped and ReLUs die, so only an absurd step overflows to inf.
    result = dg.compare_activations(X, y, ["relu"], seeds=[0], epochs=50, hidden=(16,),
                                    learning_rate=1e200)
    run = result.runs[0]
    assert np.isnan(run["accuracy"]) and run["final_loss"] == np.inf


def test_unit_states_sum_to_one_and_match_z():
    X, _ = nk.data.circle(50, seed=0)
    model = _relu_net_with_dead_unit()
    W, b = model.layers[0].get_weights()
    b[2] = 100.0  # unit 2: z > 0 for any input in [-2, 2]^2
    model.layers[0].set_weights([W, b])
    states = dg.unit_states(model, X)
    assert states[1] is None
    assert states[0] == pytest.approx({"dead": 1 / 3, "always on": 1 / 3, "switching": 1 / 3})
    # a sigmoid layer first leaves the ReLU layer after it mostly dead or always on
    Xs, _ = nk.data.spiral(300, seed=0)
    first = dg.mlp(["sigmoid", "relu"], seed=0)
    first.build(2)
    centred = dg.mlp(["tanh", "relu"], seed=0)
    centred.build(2)
    assert dg.unit_states(first, Xs)[1]["switching"] < 0.5
    assert dg.unit_states(centred, Xs)[1]["switching"] > 0.9
