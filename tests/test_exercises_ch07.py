"""The chapter 07 checks accept right answers and reject wrong ones."""
import math

import numpy as np
import pytest

from nnkit.exercises import ch07


def test_grid_trials():
    ch07.check_grid_trials(125)
    with pytest.raises(AssertionError, match="every combination"):
        ch07.check_grid_trials(15)
    with pytest.raises(AssertionError, match="Not yet"):
        ch07.check_grid_trials(243)


def log_uniform(low, high, n, rng):
    return 10 ** rng.uniform(np.log10(low), np.log10(high), n)


def test_log_uniform_accepts_the_solution():
    ch07.check_log_uniform(log_uniform)


@pytest.mark.parametrize("wrong,message", [
    (lambda lo, hi, n, rng: rng.uniform(lo, hi, n), "Not log-uniform"),
    (lambda lo, hi, n, rng: 10 ** np.random.uniform(np.log10(lo), np.log10(hi), n),
     "same rng seed"),
    (lambda lo, hi, n, rng: 10 ** rng.uniform(np.log10(lo), np.log10(hi) + 1, n), "outside"),
    (lambda lo, hi, n, rng: log_uniform(lo, hi, n - 1, rng), "shape"),
])
def test_log_uniform_rejects_wrong_samplers(wrong, message):
    with pytest.raises(AssertionError, match=message):
        ch07.check_log_uniform(wrong)


def ei(mean, std, best):
    mean, std = np.asarray(mean, float), np.asarray(std, float)
    safe = np.where(std > 0, std, 1.0)
    v = (mean - best) / safe
    cdf = 0.5 * (1 + np.vectorize(math.erf)(v / math.sqrt(2)))
    pdf = np.exp(-v ** 2 / 2) / math.sqrt(2 * math.pi)
    return np.where(std > 0, (mean - best) * cdf + std * pdf, np.maximum(mean - best, 0))


def test_expected_improvement_accepts_the_solution():
    ch07.check_expected_improvement(ei)


def test_expected_improvement_rejects_wrong_formulas():
    with pytest.raises(AssertionError, match="Not yet"):   # forgot the exploration term
        ch07.check_expected_improvement(
            lambda m, s, b: np.maximum(np.asarray(m) - b, 0) * 1.0)
    with pytest.raises(AssertionError, match="std = 0"):   # zero instead of mean - best

        def zero_when_certain(m, s, b):
            return np.where(np.asarray(s) > 0, ei(m, s, b), 0.0)
        ch07.check_expected_improvement(zero_when_certain)
