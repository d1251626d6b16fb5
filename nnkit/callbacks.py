"""Callbacks: code that ``fit`` calls at the end of every epoch (chapters 05 and 06).

``History`` records the losses; ``EarlyStopping`` stops when the validation loss stops
improving; ``LambdaCallback`` runs any function, for example to record frames of an
animation. The names and defaults are Keras's.
"""
import numpy as np

__all__ = ["Callback", "History", "EarlyStopping", "LambdaCallback"]


class Callback:
    """Base class. ``fit`` sets ``self.model`` and calls these hooks."""

    model = None

    def on_train_begin(self, logs=None):
        pass

    def on_epoch_end(self, epoch, logs=None):
        pass

    def on_train_end(self, logs=None):
        pass


class History(Callback):
    """``history[key]`` is the list of per-epoch values of "loss", "val_loss", ...;
    ``epoch`` the list of epoch indices. ``fit`` returns one."""

    def on_train_begin(self, logs=None):
        self.epoch, self.history = [], {}

    def on_epoch_end(self, epoch, logs=None):
        self.epoch.append(epoch)
        for key, value in (logs or {}).items():
            self.history.setdefault(key, []).append(value)

    def __repr__(self):
        return f"<History of {len(self.epoch)} epochs: {sorted(self.history)}>"


class EarlyStopping(Callback):
    """Stop training when ``monitor`` has not improved by more than ``min_delta`` for
    ``patience`` epochs in a row.

    Args:
        monitor: the log to watch, default "val_loss" (lower is better; for keys with
            "acc" in them, higher is better).
        patience: how many epochs without improvement end training. Default 0: stop at
            the first epoch that does not improve.
        min_delta: the smallest change that counts as improvement. Default 0.
        restore_best_weights: at the end, put back the weights of the best epoch.
            Default False, as in Keras.

    After training, ``best_epoch``, ``best`` and ``stopped_epoch`` (0 if it never
    stopped) say what happened.
    """

    def __init__(self, monitor="val_loss", patience=0, min_delta=0.0,
                 restore_best_weights=False):
        if not isinstance(patience, (int, np.integer)) or patience < 0:
            raise ValueError(f"patience must be an integer >= 0. Received: patience={patience!r}")
        self.monitor, self.patience = monitor, int(patience)
        self.min_delta = abs(float(min_delta))
        self.restore_best_weights = restore_best_weights
        self.sign = -1.0 if "acc" in monitor else 1.0  # minimise sign * value

    def on_train_begin(self, logs=None):
        self.wait, self.stopped_epoch, self.best_epoch = 0, 0, 0
        self.best, self.best_weights = np.inf * self.sign, None

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        if self.monitor not in logs:
            raise ValueError(f"EarlyStopping monitors {self.monitor!r}, which fit did not log. "
                             f"Logged: {sorted(logs)}. Pass validation_data to fit to get "
                             "'val_loss'.")
        value = logs[self.monitor]
        if self.sign * (value - self.best) < -self.min_delta:
            self.best, self.best_epoch, self.wait = value, epoch, 0
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            return
        self.wait += 1
        if self.wait >= self.patience:
            self.stopped_epoch = epoch
            self.model.stop_training = True

    def on_train_end(self, logs=None):
        if self.restore_best_weights and self.best_weights is not None:
            self.model.set_weights(self.best_weights)


class LambdaCallback(Callback):
    """Calls ``on_epoch_end(epoch, logs)`` (and the other hooks if given) during fit."""

    def __init__(self, on_epoch_end=None, on_train_begin=None, on_train_end=None):
        self._hooks = {"on_epoch_end": on_epoch_end, "on_train_begin": on_train_begin,
                       "on_train_end": on_train_end}

    def on_train_begin(self, logs=None):
        if self._hooks["on_train_begin"]:
            self._hooks["on_train_begin"](logs)

    def on_epoch_end(self, epoch, logs=None):
        if self._hooks["on_epoch_end"]:
            self._hooks["on_epoch_end"](epoch, logs)

    def on_train_end(self, logs=None):
        if self._hooks["on_train_end"]:
            self._hooks["on_train_end"](logs)
