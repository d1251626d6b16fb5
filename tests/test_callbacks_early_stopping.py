"""EarlyStopping: stops after `patience` epochs without improvement, and
restore_best_weights puts back the best epoch's weights exactly."""
import numpy as np
import pytest

import nnkit as nk


class FakeModel:
    """Stands in for a model: its weights are an array holding the current epoch."""

    def __init__(self):
        self.epoch, self.stop_training = -1, False

    def get_weights(self):
        return [np.array([self.epoch])]

    def set_weights(self, weights):
        self.epoch = int(weights[0][0])


def replay(values, monitor="val_loss", **kwargs):
    """Feed one logged value per epoch to an EarlyStopping; return (epochs run, callback,
    model) as fit would leave them."""
    model, callback = FakeModel(), nk.EarlyStopping(monitor=monitor, **kwargs)
    callback.model = model
    callback.on_train_begin()
    ran = 0
    for epoch, value in enumerate(values):
        model.epoch, ran = epoch, epoch + 1
        callback.on_epoch_end(epoch, {monitor: value})
        if model.stop_training:
            break
    callback.on_train_end()
    return ran, callback, model


@pytest.mark.parametrize("patience", [0, 1, 2, 3, 5])
def test_stops_after_patience_epochs_without_improvement(patience):
    values = [1.0, 0.8, 0.6, 0.7, 0.65, 0.61, 0.9, 0.62, 0.64, 0.66, 0.7, 0.8]
    ran, callback, _ = replay(values, patience=patience)
    assert callback.best_epoch == 2 and callback.best == 0.6
    # The epochs after the best one (3, 4, ...) do not improve; training ends with the
    # patience-th of them, or at the first one when patience is 0 (Keras's rule).
    assert ran == 3 + max(patience, 1)
    assert callback.stopped_epoch == ran - 1


def test_a_new_best_resets_the_count():
    values = [1.0, 0.9, 0.95, 0.96, 0.85, 0.9, 0.91, 0.92, 0.93]
    ran, callback, _ = replay(values, patience=3)
    assert callback.best_epoch == 4 and ran == 8


def test_min_delta_makes_small_improvements_not_count():
    values = [1.0, 0.999, 0.998, 0.997, 0.5]
    ran, callback, _ = replay(values, patience=2, min_delta=0.01)
    assert ran == 3 and callback.best_epoch == 0
    ran, callback, _ = replay(values, patience=2)
    assert ran == 5 and callback.best_epoch == 4 and callback.stopped_epoch == 0


def test_accuracy_is_maximised():
    values = [0.5, 0.7, 0.9, 0.8, 0.85, 0.6]
    ran, callback, model = replay(values, monitor="val_accuracy", patience=2,
                                  restore_best_weights=True)
    assert callback.best == 0.9 and ran == 5 and model.epoch == 2


def test_restore_best_weights_on_and_off():
    values = [1.0, 0.5, 0.7, 0.8, 0.9]
    _, _, model = replay(values, patience=3, restore_best_weights=True)
    assert model.epoch == 1
    _, _, model = replay(values, patience=3, restore_best_weights=False)
    assert model.epoch == 4  # the last epoch's weights, as Keras leaves them by default


def test_restores_the_best_when_training_ends_without_stopping():
    values = [1.0, 0.5, 0.7, 0.8]
    ran, callback, model = replay(values, patience=10, restore_best_weights=True)
    assert ran == 4 and callback.stopped_epoch == 0 and model.epoch == 1


def overfitting_run(patience, restore=True, epochs=300):
    """A 3-layer network on 40 noisy points: its validation loss has a clear minimum."""
    X, y = nk.data.circle(n=40, noise=0.25, seed=3)
    X_val, y_val = nk.data.circle(n=200, noise=0.25, seed=4)
    model = nk.Sequential([nk.Dense(32, activation="relu"), nk.Dense(32, activation="relu"),
                           nk.Dense(1, activation="sigmoid")], seed=0)
    model.compile(optimizer=nk.Adam(0.01), loss="binary_crossentropy")
    snapshots = []
    record = nk.LambdaCallback(on_epoch_end=lambda epoch, logs:
                               snapshots.append(model.get_weights()))
    stop = nk.EarlyStopping(patience=patience, restore_best_weights=restore)
    history = model.fit(X, y, epochs=epochs, batch_size=40, validation_data=(X_val, y_val),
                        callbacks=[record, stop])
    return model, history, stop, snapshots, (X_val, y_val)


def test_in_fit_restores_exactly_the_best_epochs_weights():
    model, history, stop, snapshots, (X_val, y_val) = overfitting_run(patience=15)
    val = history.history["val_loss"]
    best = int(np.argmin(val))
    assert stop.best_epoch == best and stop.best == val[best]
    assert len(val) == best + 15 + 1 < 300  # it stopped, patience epochs after the best
    assert stop.stopped_epoch == len(val) - 1
    for restored, saved in zip(model.get_weights(), snapshots[best]):
        np.testing.assert_array_equal(restored, saved)  # exactly, bit for bit
    assert model.evaluate(X_val, y_val) == val[best]
    # ... and they are not the last epoch's weights.
    assert not np.array_equal(model.get_weights()[0], snapshots[-1][0])


def test_in_fit_without_restore_keeps_the_last_weights():
    model, history, stop, snapshots, _ = overfitting_run(patience=15, restore=False)
    for now, last in zip(model.get_weights(), snapshots[-1]):
        np.testing.assert_array_equal(now, last)


def test_restored_weights_are_a_copy_not_a_view():
    """The best weights must be copied when saved: the optimizer changes the arrays in
    place afterwards."""
    model, _, stop, snapshots, _ = overfitting_run(patience=15)
    saved = stop.best_weights
    model.layers[0].W += 1.0
    assert not np.array_equal(saved[0], model.layers[0].W)


def test_monitoring_an_unlogged_value_says_what_was_logged():
    X, y = nk.data.circle(n=20, seed=0)
    model = nk.Sequential([nk.Dense(1, activation="sigmoid")], seed=0)
    model.compile(loss="binary_crossentropy")
    with pytest.raises(ValueError, match=r"'val_loss'.*Logged: \['loss'\]"):
        model.fit(X, y, epochs=2, callbacks=[nk.EarlyStopping()])


@pytest.mark.parametrize("patience", [-1, 2.5, "3", None])
def test_bad_patience_names_the_received_value(patience):
    with pytest.raises(ValueError, match=f"Received: patience={patience!r}"):
        nk.EarlyStopping(patience=patience)
