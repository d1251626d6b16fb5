"""The checks of chapter 06's exercises accept right answers and reject wrong ones with
a useful hint."""
import numpy as np
import pytest

import nnkit as nk
from nnkit.exercises import ch06

VAL_LOSSES = [0.69, 0.52, 0.44, 0.41, 0.43, 0.40, 0.42, 0.45, 0.47, 0.52, 0.58, 0.61]


def test_early_stopping_right_answers(capsys):
    ch06.check_early_stopping(VAL_LOSSES, 3, epochs_run=9, restored_epoch=6)
    ch06.check_early_stopping(VAL_LOSSES, 1, epochs_run=5, restored_epoch=4)
    ch06.check_early_stopping(VAL_LOSSES, 10, epochs_run=12, restored_epoch=6)  # never stops
    assert capsys.readouterr().out.count("Correct") == 3


@pytest.mark.parametrize("epochs_run,restored,message", [
    (8, 6, "off by one"),             # forgot that the third bad epoch still runs
    (10, 6, "off by one"),
    (12, 6, "does not run 12"),       # thought it never stops
    (9, 9, "restore_best_weights"),   # the last epoch's weights
    (9, 4, "restore_best_weights"),   # the first minimum, before the new best at epoch 6
])
def test_early_stopping_wrong_answers(epochs_run, restored, message):
    with pytest.raises(AssertionError, match=message):
        ch06.check_early_stopping(VAL_LOSSES, 3, epochs_run, restored)


def test_early_stopping_check_agrees_with_fit():
    """The check replays nnkit's EarlyStopping; fit with a scripted val_loss must agree."""
    X, y = nk.data.circle(n=20, seed=0)
    model = nk.Sequential([nk.Dense(1, activation="sigmoid")], seed=0)
    model.compile(loss="binary_crossentropy")
    script = iter(VAL_LOSSES)
    snapshots = []

    class Scripted(nk.EarlyStopping):
        def on_epoch_end(self, epoch, logs=None):
            snapshots.append(self.model.get_weights())
            super().on_epoch_end(epoch, {"val_loss": next(script)})

    history = model.fit(X, y, epochs=12, callbacks=[Scripted(patience=3,
                                                             restore_best_weights=True)])
    assert len(history.epoch) == 9
    np.testing.assert_array_equal(model.get_weights()[0], snapshots[5][0])  # epoch 6


def inverted(a, rate, rng):
    return a * (rng.random(a.shape) >= rate) / (1 - rate)


def test_dropout_accepts_inverted_dropout(capsys):
    ch06.check_dropout(inverted)
    ch06.check_dropout(inverted, rate=0.6)
    assert "Correct" in capsys.readouterr().out


@pytest.mark.parametrize("wrong,message", [
    (lambda a, rate, rng: a * (rng.random(a.shape) >= rate), "plain dropout"),
    (lambda a, rate, rng: a * (rng.random(a.shape) < rate) / (1 - rate), "zeroes 70"),
    (lambda a, rate, rng: a * (rng.random(a.shape) >= rate) / rate, "multiplied by 3.333"),
    (lambda a, rate, rng: a * (1 - rate), "zeroes 0.0%"),
    (lambda a, rate, rng: inverted(a, rate, rng)[:, :10], "shape"),
    (lambda a, rate, rng: inverted(a, max(rate, 0.3), rng), "rate 0 nothing"),
])
def test_dropout_rejects_wrong_versions(wrong, message):
    with pytest.raises(AssertionError, match=message):
        ch06.check_dropout(wrong)


def test_weight_decay(capsys):
    ch06.check_weight_decay(0.998)
    ch06.check_weight_decay(1 - 2 * 0.05 * 0.1, learning_rate=0.05, l2=0.1)
    assert capsys.readouterr().out.count("Correct") == 2
    with pytest.raises(AssertionError, match="lost the 2"):
        ch06.check_weight_decay(0.999)
    with pytest.raises(AssertionError, match="1 minus it"):
        ch06.check_weight_decay(0.002)
    with pytest.raises(AssertionError, match="Differentiate"):
        ch06.check_weight_decay(0.98)


def two_layer(width, epochs=400):
    X, y = nk.data.spiral(n=300, seed=100, **ch06.SPIRAL)
    model = nk.Sequential([nk.Dense(width, activation="relu", kernel_initializer="he_normal"),
                           nk.Dense(1, activation="sigmoid", kernel_initializer="he_normal")],
                          seed=0)
    model.compile(optimizer=nk.SGD(learning_rate=0.3, momentum=0.9), loss="binary_crossentropy")
    if epochs:
        model.fit(X, y, epochs=epochs, batch_size=300)
    return model


def test_wide_two_layer_accepts_a_trained_wide_network(capsys):
    acc = ch06.check_wide_two_layer(two_layer(128))
    assert 0.7 < acc < 0.86
    assert "513 weights" in capsys.readouterr().out


def test_wide_two_layer_rejects_other_networks():
    with pytest.raises(AssertionError, match="fewer than the 3-layer"):
        ch06.check_wide_two_layer(two_layer(16))
    with pytest.raises(AssertionError, match="Received: 3 Dense layers"):
        deep = nk.Sequential([nk.Dense(16), nk.Dense(16), nk.Dense(1)])
        ch06.check_wide_two_layer(deep)
    with pytest.raises(AssertionError, match="Train the network first"):
        ch06.check_wide_two_layer(nk.Sequential([nk.Dense(128), nk.Dense(1)]))
    untrained = two_layer(128, epochs=0)
    untrained.build(2)
    with pytest.raises(AssertionError, match="hardly better than guessing"):
        ch06.check_wide_two_layer(untrained)


def test_three_layer_weight_count_is_right():
    model = nk.Sequential([nk.Dense(16), nk.Dense(16), nk.Dense(1)])
    model.build(2)
    assert model.count_params() == ch06.THREE_LAYER_WEIGHTS
