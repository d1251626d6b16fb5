"""The surrogate and the acquisition function of Bayesian search (chapter 07).

``GaussianProcess`` models the scores of the trials so far, with an error bar, on the
unit cube; ``expected_improvement`` turns its prediction into "how much better than the
best so far could a trial here be". ``nnkit.search.bayesian_search`` uses both; they are
exported there too.
"""
import math

import numpy as np

__all__ = ["GaussianProcess", "expected_improvement"]


class GaussianProcess:
    """A Gaussian-process regression surrogate on the unit cube, in numpy.

    Prior: f ~ GP(0, k) with the squared-exponential kernel
    k(x, x') = exp(-|x - x'|^2 / (2 l^2)), observed with Gaussian noise of variance
    ``noise``. The scores are standardised (mean 0, std 1) before fitting. For training
    points X (n, d) with scores y, and K = k(X, X) + noise I, the posterior at x* is

        mean(x*) = k(x*, X) K^{-1} y,     var(x*) = 1 - k(x*, X) K^{-1} k(X, x*).

    ``fit`` picks the length scale l from ``length_scales`` by the log marginal
    likelihood, -1/2 y^T K^{-1} y - 1/2 log det K - n/2 log 2 pi.
    """

    def __init__(self, length_scales=(0.05, 0.1, 0.2, 0.3, 0.5, 1.0), noise=0.05,
                 normalize=True):
        if noise <= 0:
            raise ValueError(f"noise must be > 0. Received: noise={noise!r}.")
        self.length_scales, self.noise, self.normalize = tuple(length_scales), noise, normalize

    @staticmethod
    def kernel(A, B, length_scale):
        d2 = ((A[:, None, :] - B[None, :, :]) ** 2).sum(-1)
        return np.exp(-d2 / (2 * length_scale ** 2))

    def _factor(self, length_scale):
        K = self.kernel(self.X, self.X, length_scale) + self.noise * np.eye(len(self.X))
        L = np.linalg.cholesky(K)
        alpha = np.linalg.solve(L.T, np.linalg.solve(L, self.y))
        log_ml = (-0.5 * self.y @ alpha - np.log(np.diag(L)).sum()
                  - 0.5 * len(self.y) * np.log(2 * np.pi))
        return L, alpha, log_ml

    def fit(self, X, y):
        X, y = np.asarray(X, float), np.asarray(y, float).ravel()
        if X.ndim != 2 or len(X) != len(y) or not len(y):
            raise ValueError(f"Expected X of shape (n, d) and y of shape (n,). "
                             f"Received: X {X.shape}, y {y.shape}.")
        self.mean_, self.std_ = (y.mean(), y.std() or 1.0) if self.normalize else (0.0, 1.0)
        self.X, self.y = X, (y - self.mean_) / self.std_
        fits = [(self._factor(ls), ls) for ls in self.length_scales]
        (self.L, self.alpha, self.log_ml), self.length_scale = max(fits, key=lambda f: f[0][2])
        return self

    def predict(self, Xs):
        """Posterior mean and standard deviation at Xs (m, d), in the scores' units."""
        Ks = self.kernel(np.asarray(Xs, float), self.X, self.length_scale)
        mean = Ks @ self.alpha
        v = np.linalg.solve(self.L, Ks.T)
        var = np.clip(1.0 - (v ** 2).sum(0), 1e-12, None)
        return self.mean_ + self.std_ * mean, self.std_ * np.sqrt(var)


_erf = np.vectorize(math.erf)


def expected_improvement(mean, std, best, xi=0.0):
    """E[max(f - best - xi, 0)] for f ~ N(mean, std^2): how much a trial is expected to
    beat the best score so far (by more than a margin ``xi``).

    Derivation. Write f = mean + std * z with z ~ N(0, 1), and let
    u = (mean - best - xi) / std. The improvement is positive exactly when z > -u, so

        EI = integral_{-u}^{inf} (mean - best - xi + std * z) phi(z) dz
           = (mean - best - xi) * (1 - Phi(-u)) + std * integral_{-u}^{inf} z phi(z) dz
           = (mean - best - xi) * Phi(u) + std * phi(u),

    using 1 - Phi(-u) = Phi(u) and z phi(z) = -phi'(z), so that integral is phi(-u) =
    phi(u). The first term rewards a high predicted mean (exploitation), the second a
    large uncertainty (exploration). With std = 0, EI = max(mean - best - xi, 0).
    """
    mean, std = np.asarray(mean, float), np.asarray(std, float)
    if np.any(std < 0):
        raise ValueError(f"std must be >= 0. Received: min std {std.min()!r}.")
    gain = mean - best - xi
    safe = np.where(std > 0, std, 1.0)
    u = gain / safe
    pdf = np.exp(-0.5 * u ** 2) / math.sqrt(2 * math.pi)
    cdf = 0.5 * (1 + _erf(u / math.sqrt(2)))
    return np.where(std > 0, gain * cdf + std * pdf, np.maximum(gain, 0.0))
