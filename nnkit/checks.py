"""Input checks shared by every public entry point.

Each returns a float64 array or raises an error that names what it received and what it
expected. The commonest silent bug in numpy neural networks is a target of shape (n,)
meeting a prediction of shape (n, 1): ``y_hat - y`` then broadcasts to (n, n) and the
loss is quietly wrong. nnkit refuses it instead.
"""
import numpy as np

__all__ = ["check_X", "check_y", "as_float_array"]


def as_float_array(a, name):
    """``a`` as a float64 array; a TypeError if it is not numeric."""
    try:
        arr = np.asarray(a, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be numeric (an array of numbers). Received: "
                        f"{type(a).__name__} {_preview(a)}.") from None
    if arr.size and not np.all(np.isfinite(arr)):
        bad = int(np.size(arr) - np.count_nonzero(np.isfinite(arr)))
        raise ValueError(f"{name} contains {bad} NaN or infinite values; expected finite "
                         f"numbers. Received: {name} of shape {arr.shape}. Clean or impute "
                         "them first (for example np.nan_to_num).")
    return arr


def check_X(X, input_dim=None, name="X"):
    """Inputs: a finite 2-D array (n, d), one row per example, n >= 1."""
    X = as_float_array(X, name)
    if X.ndim != 2:
        hint = (f" For one feature use {name}.reshape(-1, 1); for one example, "
                f"{name}.reshape(1, -1).") if X.ndim == 1 else ""
        raise ValueError(f"{name} must be 2-D with shape (n_examples, n_features). "
                         f"Received: {name} of shape {X.shape}.{hint}")
    if X.shape[0] == 0:
        raise ValueError(f"{name} has no rows. Received: {name} of shape {X.shape}.")
    if input_dim is not None and X.shape[1] != input_dim:
        raise ValueError(f"{name} has {X.shape[1]} features, but the model was built for "
                         f"{input_dim}. Received: {name} of shape {X.shape}, expected "
                         f"(n, {input_dim}).")
    return X


def check_y(y, X, output_dim=None, name="y"):
    """Targets: a finite 2-D array (n, k) with as many rows as X, and k equal to the
    output layer's width when it is known."""
    y = as_float_array(y, name)
    n = len(X)
    k = output_dim if output_dim is not None else (y.shape[1] if y.ndim == 2 else 1)
    if y.ndim != 2 or y.shape[0] != n or (output_dim is not None and y.shape[1] != k):
        hint = ""
        if y.ndim == 1 and y.shape[0] == n and k == 1:
            hint = f" Use {name}.reshape(-1, 1)."
        elif y.ndim == 1 and y.shape[0] == n and k > 1:
            hint = f" For class labels use nnkit.data.one_hot({name}, {k})."
        elif y.ndim == 2 and y.shape[0] == n and y.shape[1] == 1 and k > 1:
            hint = f" For class labels use nnkit.data.one_hot({name}, {k})."
        raise ValueError(f"{name} has shape {y.shape}, expected ({n}, {k}) to match "
                         f"{'the output layer' if output_dim is not None else 'X'}. "
                         f"Received: {name} of shape {y.shape} for X of shape "
                         f"{np.shape(X)}.{hint}")
    return y


def _preview(a, limit=60):
    text = repr(a)
    return text if len(text) <= limit else text[:limit] + "..."
