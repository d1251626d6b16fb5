"""Check backpropagation against finite differences (chapter 04).

A derivative can be estimated without any calculus: nudge one weight by +eps and by
-eps and see how the loss changes, ``(L(w + eps) - L(w - eps)) / (2 eps)``. This
central difference is accurate to about eps**2, so with float64 and eps = 1e-6 it
agrees with a correct analytic gradient to 1e-8 or better. A bug in a backward pass
shows up as a relative error near 1.
"""
import numpy as np

from .checks import check_X, check_y

__all__ = ["gradcheck", "numerical_gradient", "relative_error"]


def numerical_gradient(f, x, eps=1e-6):
    """dF/dx by central differences, for a function ``f()`` of the array ``x``, which
    is changed in place and restored. Shape of ``x``."""
    grad = np.zeros_like(x, dtype=float)
    for i in np.ndindex(x.shape):
        saved = x[i]
        x[i] = saved + eps
        f_plus = f()
        x[i] = saved - eps
        f_minus = f()
        x[i] = saved
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad


def relative_error(analytic, numeric):
    """||a - n|| / (||a|| + ||n||): 0 when they agree, 1 when unrelated. Measured over a
    whole array, so entries where both are ~0 do not turn rounding noise into 100%."""
    denom = np.linalg.norm(analytic) + np.linalg.norm(numeric)
    return 0.0 if denom == 0 else float(np.linalg.norm(analytic - numeric) / denom)


def gradcheck(model, X, y, eps=1e-6, return_all=False):
    """The largest relative error between ``model``'s backpropagated gradients and
    central differences, over all its weight arrays, on the batch (X, y).

    The model must be compiled. Dropout is off (the forward pass runs in inference
    mode), so the loss is a deterministic function of the weights. With
    ``return_all=True`` returns the list of errors, one per array of ``get_weights()``.
    """
    model._check_compiled("gradcheck")
    X = check_X(X, model.input_dim)
    model._ensure_built(X)
    y = check_y(y, X, model.output_dim)

    def loss():
        return model.compute_loss(y, model.forward(X, training=False))

    model.backward(y, model.forward(X, training=False))
    analytic = [g.copy() for g in model.grads]
    errors = [relative_error(g, numerical_gradient(loss, p, eps))
              for p, g in zip(model.params, analytic)]
    return errors if return_all else max(errors)
