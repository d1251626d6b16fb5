"""Checks for the exercises of chapter 06 (overfitting and regularization)."""
import numpy as np

from .. import data
from ..callbacks import EarlyStopping
from ..layers import Dense
from ..models import accuracy

# The depth experiment's spiral: its test set, and the 3-layer network's weight count
# (2 -> 16 -> 16 -> 1: 48 + 272 + 17).
SPIRAL = {"noise": 0.1, "turns": 1.5}
THREE_LAYER_WEIGHTS = 337


def _epochs_of_early_stopping(val_losses, patience):
    """Run nnkit's EarlyStopping over a list of validation losses; return (epochs run,
    epoch whose weights are restored), both counted from 1."""

    class _Recorder:  # stands in for a model: its "weights" are the epoch number
        epoch, stop_training = 0, False

        def get_weights(self):
            return [self.epoch]

        def set_weights(self, weights):
            self.epoch = weights[0]

    model, callback = _Recorder(), EarlyStopping(patience=patience, restore_best_weights=True)
    callback.model = model
    callback.on_train_begin()
    ran = 0
    for epoch, value in enumerate(val_losses):
        model.epoch, ran = epoch, epoch + 1
        callback.on_epoch_end(epoch, {"val_loss": float(value)})
        if model.stop_training:
            break
    callback.on_train_end()
    return ran, model.epoch + 1


def check_early_stopping(val_losses, patience, epochs_run, restored_epoch):
    """Your reading of ``EarlyStopping(patience=patience, restore_best_weights=True)`` on
    the validation losses ``val_losses`` (one per epoch, at most that many epochs): how
    many epochs ``fit`` runs, and which epoch's weights the model ends with (both
    counted from 1, as on the loss curves)."""
    ran, restored = _epochs_of_early_stopping(val_losses, patience)
    if epochs_run != ran:
        hint = ("Training stops at the end of the epoch that makes `patience` epochs in a "
                "row without a new best, counting from the best epoch.")
        if epochs_run == ran - 1 or epochs_run == ran + 1:
            hint += " You are off by one: count the epochs after the best one."
        raise AssertionError(f"Not yet: fit does not run {epochs_run} epochs. {hint}")
    if restored_epoch != restored:
        raise AssertionError(f"The number of epochs is right ({ran}), but the weights of epoch "
                             f"{restored_epoch} are not the ones restored: restore_best_weights "
                             "puts back those of the epoch with the lowest validation loss.")
    print(f"Correct: fit runs {ran} epochs and the model ends with the weights of\n"
          f"epoch {restored}, whose validation loss {val_losses[restored - 1]} was the "
          "lowest.")


def check_dropout(dropout, rate=0.3, seed=0):
    """Your ``dropout(a, rate, rng)`` for training time: each entry zeroed with
    probability ``rate`` and the others divided by 1 - rate (inverted dropout)."""
    # The inputs come from a different stream than the mask: the same seed would make
    # the kept entries exactly the large ones.
    a = np.random.default_rng(seed + 1).uniform(0.5, 2.0, size=(400, 50))
    out = np.asarray(dropout(a.copy(), rate, np.random.default_rng(seed)), dtype=float)
    if out.shape != a.shape:
        raise AssertionError(f"The output must have the input's shape {a.shape}. "
                             f"Received: shape {out.shape}.")
    dropped = out == 0
    frac = dropped.mean()
    if abs(frac - rate) > 0.02:
        raise AssertionError(f"About {rate:.0%} of the entries should be zeroed; yours zeroes "
                             f"{frac:.1%}. Keep an entry when rng.random() >= rate.")
    scale = out[~dropped] / a[~dropped]
    if not np.allclose(scale, 1 / (1 - rate)):
        hint = (" That is plain dropout: the expected output shrinks to "
                f"{1 - rate:g} of the input, and predictions would need rescaling."
                if np.allclose(scale, 1.0) else "")
        raise AssertionError(f"The entries you keep should be divided by 1 - rate, i.e. "
                             f"multiplied by {1 / (1 - rate):.4g}; yours are multiplied by "
                             f"{np.median(scale):.4g}.{hint}")
    same = np.asarray(dropout(a.copy(), 0.0, np.random.default_rng(seed)), dtype=float)
    if not np.allclose(same, a):
        raise AssertionError("With rate 0 nothing should change.")
    print(f"Correct: {frac:.1%} of the entries zeroed, the rest multiplied by "
          f"{1 / (1 - rate):.4g},\nso the mean stays about the same: {a.mean():.3f} -> "
          f"{out.mean():.3f} (equal on average).")


def check_weight_decay(factor, learning_rate=0.1, l2=0.01):
    """The number that one SGD step on L + l2 * sum(W**2) multiplies every weight by
    before it subtracts learning_rate * dL/dW."""
    right = 1 - 2 * learning_rate * l2
    if np.isclose(factor, right, rtol=0, atol=1e-9):
        print(f"Correct: W <- {right:g} W - {learning_rate:g} dL/dW.\nEvery step shrinks "
              f"each weight by {2 * learning_rate * l2:.2%} before the data gradient "
              "acts: 'weight decay'.")
        return
    hint = "Differentiate l2 * w**2 and collect the terms in W in W - learning_rate * dW."
    if np.isclose(factor, 1 - learning_rate * l2):
        hint = "The derivative of l2 * w**2 is 2 * l2 * w: you lost the 2."
    elif np.isclose(factor, 2 * learning_rate * l2) or np.isclose(factor, learning_rate * l2):
        hint = "That is the fraction taken away; the weight is multiplied by 1 minus it."
    raise AssertionError(f"Not yet: {factor} is not the factor. {hint}")


def check_wide_two_layer(model, seed=999):
    """Your trained 2-layer network (one hidden layer, then the output) with at least as
    many weights as the chapter's 3-layer one, scored on the depth experiment's test set."""
    dense = [layer for layer in getattr(model, "layers", []) if isinstance(layer, Dense)]
    if len(dense) != 2:
        raise AssertionError(f"A 2-layer network has exactly two Dense layers (one hidden, "
                             f"one output). Received: {len(dense)} Dense layers.")
    if not model.built:
        raise AssertionError("Train the network first (model.fit on the spiral).")
    n = model.count_params()
    if n < THREE_LAYER_WEIGHTS:
        raise AssertionError(f"It has {n} weights, fewer than the 3-layer network's "
                             f"{THREE_LAYER_WEIGHTS}: widen the hidden layer.")
    X, y = data.spiral(n=1000, seed=seed, **SPIRAL)
    acc = accuracy(y, model.predict(X))
    if acc < 0.6:
        raise AssertionError(f"Its test accuracy is {acc:.2f}, hardly better than guessing: "
                             "has it been trained (fit on the spiral, learning rate 0.3)?")
    print(f"Checked: 2 layers, {n} weights ({n / THREE_LAYER_WEIGHTS:.1f}x the 3-layer "
          f"network's {THREE_LAYER_WEIGHTS}),\ntest accuracy {acc:.2f}.")
    return acc
