"""Sequential: training, the Keras API, gradient checks, and errors for bad input."""
import numpy as np
import pytest

import nnkit as nk


def xor_model(seed=0, hidden=4):
    model = nk.Sequential([nk.Dense(hidden, activation="tanh"),
                           nk.Dense(1, activation="sigmoid")], seed=seed)
    model.compile(optimizer=nk.SGD(learning_rate=0.5), loss="binary_crossentropy",
                  metrics=["accuracy"])
    return model


def test_learns_xor_and_records_history_like_keras():
    X, y = nk.data.logic_gate("xor")
    model = xor_model()
    history = model.fit(X, y, epochs=500, batch_size=4, validation_data=(X, y))
    np.testing.assert_array_equal(model.predict(X).round(), y)
    assert set(history.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert len(history.history["loss"]) == 500 and history.epoch[-1] == 499
    assert history.history["loss"][-1] < 0.1 * history.history["loss"][0]
    loss, acc = model.evaluate(X, y)
    assert acc == 1.0 and loss == pytest.approx(history.history["val_loss"][-1])


def test_same_seed_same_run_different_seed_different_run():
    X, y = nk.data.circle(60, seed=3)
    runs = [xor_model(seed).fit(X, y, epochs=5, batch_size=8).history["loss"] for seed in (1, 1, 2)]
    assert runs[0] == runs[1] and runs[0] != runs[2]


def test_epoch_loss_is_the_batch_size_weighted_mean_of_batch_losses():
    X, y = nk.data.circle(10, seed=0)
    model = xor_model()
    model.build(2)
    w0 = model.get_weights()
    history = model.fit(X, y, epochs=1, batch_size=4, shuffle=False)
    replay = xor_model()
    replay.build(2)
    replay.set_weights(w0)
    losses = [replay.train_on_batch(X[i:i + 4], y[i:i + 4])[0] * len(X[i:i + 4])
              for i in (0, 4, 8)]
    assert history.history["loss"][0] == pytest.approx(sum(losses) / 10)


@pytest.mark.parametrize("loss,act,k", [("mse", "linear", 2), ("rss", "tanh", 1),
                                        ("rmse", "sigmoid", 2),
                                        ("binary_crossentropy", "sigmoid", 1),
                                        ("categorical_crossentropy", "softmax", 3)])
def test_whole_model_gradcheck(loss, act, k):
    X, labels = nk.data.spiral(12, classes=3, seed=0)
    y = nk.data.one_hot(labels) if k == 3 else np.random.default_rng(0).uniform(0.1, 0.9, (12, k))
    model = nk.Sequential([nk.Dense(5, activation="tanh"), nk.Dense(4, activation="relu"),
                           nk.Dense(k, activation=act, kernel_regularizer=nk.L2(0.01))], seed=4)
    model.compile(optimizer="sgd", loss=loss)
    assert nk.gradcheck(model, X, y) < 1e-6


def test_get_set_weights_round_trip_in_keras_order():
    model = xor_model()
    model.build(2)
    shapes = [w.shape for w in model.get_weights()]
    assert shapes == [(2, 4), (4,), (4, 1), (1,)]
    ws = [np.full(s, 0.5) for s in shapes]
    model.set_weights(ws)
    assert all((w == 0.5).all() for w in model.get_weights())
    with pytest.raises(ValueError, match="Received: 3"):
        model.set_weights(ws[:3])
    assert model.count_params() == 17


def test_divergence_stops_with_a_clear_message():
    X, y = nk.data.regression_1d("sine", n=50)
    model = nk.Sequential([nk.Dense(16, activation="relu"), nk.Dense(1)], seed=0)
    model.compile(optimizer=nk.SGD(learning_rate=50.0), loss="mse")
    with pytest.raises(nk.DivergenceError, match=r"learning rate \(50.0\).*too large") as err:
        model.fit(X, y, epochs=100)
    assert len(err.value.history.history.get("loss", [])) < 100


def test_early_stopping_stops_and_restores_the_best_weights():
    X, y = nk.data.circle(80, noise=0.3, seed=0)
    (Xt, yt), (Xv, yv) = nk.data.train_val_split(X, y, seed=0)
    model = nk.Sequential([nk.Dense(32, activation="relu"), nk.Dense(1, activation="sigmoid")],
                          seed=0)
    model.compile(optimizer=nk.Adam(0.05), loss="binary_crossentropy")
    stop = nk.EarlyStopping(patience=5, restore_best_weights=True)
    history = model.fit(Xt, yt, epochs=500, validation_data=(Xv, yv), callbacks=[stop])
    val = history.history["val_loss"]
    assert stop.stopped_epoch == len(val) - 1 < 499
    assert len(val) - 1 - stop.best_epoch == 5
    assert model.evaluate(Xv, yv) == pytest.approx(min(val))


# -- bad input: every message names what was received ----------------------------------
def fitted():
    X, y = nk.data.logic_gate("and")
    model = xor_model()
    model.fit(X, y, epochs=1)
    return model, X, y


def test_target_of_shape_n_is_refused_not_broadcast():
    model, X, y = fitted()
    with pytest.raises(ValueError, match=r"y has shape \(4,\), expected \(4, 1\).*reshape\(-1, 1\)"):
        model.fit(X, y.ravel())


def test_wrong_number_of_features_and_rows():
    model, X, y = fitted()
    with pytest.raises(ValueError, match=r"X has 3 features.*built for 2"):
        model.predict(np.ones((4, 3)))
    with pytest.raises(ValueError, match=r"expected \(4, 1\).*Received: y of shape \(3, 1\)"):
        model.fit(X, y[:3])
    with pytest.raises(ValueError, match=r"X must be 2-D.*Received: X of shape \(4,\)"):
        model.predict(np.ones(4))


def test_class_labels_against_a_softmax_output_suggest_one_hot():
    X, labels = nk.data.gaussians(30, classes=3)
    model = nk.Sequential([nk.Dense(3, activation="softmax")], seed=0)
    model.compile(loss="categorical_crossentropy")
    with pytest.raises(ValueError, match=r"expected \(30, 3\).*one_hot"):
        model.fit(X, labels)


def test_nan_and_non_numeric_inputs():
    model, X, y = fitted()
    Xn = X.copy()
    Xn[1, 0] = np.nan
    with pytest.raises(ValueError, match="X contains 1 NaN or infinite"):
        model.fit(Xn, y)
    with pytest.raises(TypeError, match="X must be numeric.*Received: list"):
        model.predict([["a", "b"]])


def test_fit_before_compile_and_bad_arguments():
    X, y = nk.data.logic_gate("or")
    model = nk.Sequential([nk.Dense(1)])
    with pytest.raises(RuntimeError, match="compile"):
        model.fit(X, y)
    model.compile(loss="mse")
    with pytest.raises(ValueError, match="Received: epochs=0"):
        model.fit(X, y, epochs=0)
    with pytest.raises(ValueError, match="Received: batch_size=2.5"):
        model.fit(X, y, batch_size=2.5)
    with pytest.raises(ValueError, match="Unknown metrics"):
        model.compile(metrics=["f1"])
    with pytest.raises(TypeError, match="Received: 'dense'"):
        nk.Sequential(["dense"])
    with pytest.raises(ValueError, match="validation_data must be a pair"):
        model.fit(X, y, validation_data=X)
