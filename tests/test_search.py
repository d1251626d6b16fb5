"""nnkit.search: spaces, the three searches, the Gaussian process and expected improvement."""
import math

import numpy as np
import pytest

from nnkit import search as S

SPACE = {"lr": S.Real(1e-4, 1.0, log=True), "units": S.Integer(2, 64, log=True)}


def recorder():
    seen = []

    def objective(p):
        seen.append(dict(p))
        return -(math.log10(p["lr"]) + 1.5) ** 2 - 0.01 * p.get("units", 0)
    return objective, seen


def test_real_and_integer_map_the_unit_interval_onto_their_ranges():
    r = S.Real(1e-4, 1.0, log=True)
    assert r.value(0) == pytest.approx(1e-4) and r.value(1) == pytest.approx(1.0)
    assert r.value(0.5) == pytest.approx(1e-2)          # the middle of the log range
    assert S.Real(-2, 2).value(0.25) == pytest.approx(-1)
    i = S.Integer(1, 3)
    assert [i.value(u) for u in (0.0, 0.2, 0.5, 0.8, 1.0)] == [1, 1, 2, 3, 3]
    # each integer gets an equal share of a uniform u
    u = np.random.default_rng(0).uniform(size=30000)
    counts = np.bincount([i.value(x) for x in u])[1:] / len(u)
    assert np.allclose(counts, 1 / 3, atol=0.01)


def test_grid_covers_every_combination_once():
    objective, seen = recorder()
    result = S.grid_search(objective, SPACE, 16)
    assert len(result) == 16 and len(seen) == 16
    lrs = sorted({p["lr"] for p in result.params})
    units = sorted({p["units"] for p in result.params})
    assert len(lrs) == 4 and len(units) == 4
    assert {(p["lr"], p["units"]) for p in result.params} == {(a, b) for a in lrs for b in units}
    # levels sit in the middle of 4 equal slices of the (log) range
    assert np.allclose(np.log10(lrs), [-3.5, -2.5, -1.5, -0.5])


def test_grid_rejects_a_budget_that_is_not_a_power_and_names_it():
    with pytest.raises(ValueError, match="Received: n_trials=10"):
        S.grid_search(lambda p: 0.0, SPACE, 10)


def test_random_respects_bounds_and_seeds():
    objective, _ = recorder()
    a = S.random_search(objective, SPACE, 200, seed=3)
    b = S.random_search(objective, SPACE, 200, seed=3)
    c = S.random_search(objective, SPACE, 200, seed=4)
    lr = np.array([p["lr"] for p in a.params])
    units = np.array([p["units"] for p in a.params])
    assert lr.min() >= 1e-4 and lr.max() <= 1.0 and units.min() >= 2 and units.max() <= 64
    assert all(isinstance(u, int) for u in units.tolist())
    assert np.array_equal(a.points, b.points) and not np.array_equal(a.points, c.points)
    assert len(set(lr.tolist())) == 200           # a new learning rate on every trial


def test_result_best_so_far_and_best():
    r = S.SearchResult("x", SPACE, np.zeros((4, 2)), [{"i": i} for i in range(4)],
                       np.array([0.2, 0.5, 0.1, 0.7]))
    assert np.array_equal(r.best_so_far, [0.2, 0.5, 0.5, 0.7])
    assert r.best_score == 0.7 and r.best_params == {"i": 3}


def test_gp_posterior_matches_a_hand_computed_case():
    # one observation y = 2 at x = 0; length scale 0.5, noise 0.1, no normalisation:
    # mean(x*) = k y / (1 + noise), var(x*) = 1 - k^2 / (1 + noise), k = exp(-x*^2 / 0.5)
    gp = S.GaussianProcess(length_scales=(0.5,), noise=0.1, normalize=False)
    gp.fit(np.array([[0.0]]), np.array([2.0]))
    xs = np.array([[0.0], [0.3], [1.0]])
    k = np.exp(-xs[:, 0] ** 2 / (2 * 0.25))
    mean, std = gp.predict(xs)
    assert np.allclose(mean, 2 * k / 1.1)
    assert np.allclose(std, np.sqrt(1 - k ** 2 / 1.1))


def test_gp_two_points_against_the_matrix_formula():
    X, y = np.array([[0.0], [0.5]]), np.array([1.0, -1.0])
    gp = S.GaussianProcess(length_scales=(0.3,), noise=0.01, normalize=False).fit(X, y)
    K = np.exp(-(X - X.T) ** 2 / (2 * 0.09)) + 0.01 * np.eye(2)
    xs = np.array([[0.25]])
    ks = np.exp(-(xs - X.T) ** 2 / (2 * 0.09))
    mean, std = gp.predict(xs)
    assert mean[0] == pytest.approx((ks @ np.linalg.solve(K, y))[0])
    assert std[0] ** 2 == pytest.approx(1 - (ks @ np.linalg.solve(K, ks.T))[0, 0])


def test_gp_picks_the_length_scale_with_the_best_marginal_likelihood():
    X = np.linspace(0, 1, 15).reshape(-1, 1)
    y = np.sin(2 * np.pi * X[:, 0])
    gp = S.GaussianProcess(length_scales=(0.01, 0.15, 5.0), noise=1e-3).fit(X, y)
    assert gp.length_scale == 0.15


def test_gp_rejects_bad_shapes():
    with pytest.raises(ValueError, match="Received: X"):
        S.GaussianProcess().fit(np.zeros(3), np.zeros(3))
    with pytest.raises(ValueError, match="noise=0"):
        S.GaussianProcess(noise=0)


@pytest.mark.parametrize("mean,std,best", [(0.0, 1.0, 0.0), (0.5, 0.3, 0.8), (1.0, 2.0, -0.5)])
def test_expected_improvement_matches_monte_carlo(mean, std, best):
    f = np.random.default_rng(0).normal(mean, std, 2_000_000)
    mc = np.maximum(f - best, 0).mean()
    assert S.expected_improvement(mean, std, best) == pytest.approx(mc, rel=5e-3, abs=1e-4)


def test_expected_improvement_limits():
    assert S.expected_improvement(0.0, 1.0, 0.0) == pytest.approx(1 / math.sqrt(2 * math.pi))
    assert np.allclose(S.expected_improvement([0.3, -0.3], [0.0, 0.0], 0.0), [0.3, 0.0])
    with pytest.raises(ValueError, match="std must be >= 0"):
        S.expected_improvement(0.0, -1.0, 0.0)


def test_bayesian_search_beats_random_search_on_a_smooth_peak():
    objective, _ = recorder()
    space = {"lr": S.Real(1e-4, 1.0, log=True), "units": S.Integer(2, 64, log=True)}
    bayes = [S.bayesian_search(objective, space, 15, seed=s) for s in range(5)]
    rand = [S.random_search(objective, space, 15, seed=s) for s in range(5)]
    assert np.mean([r.best_score for r in bayes]) > np.mean([r.best_score for r in rand])
    for r in bayes:
        assert abs(math.log10(r.best_params["lr"]) + 1.5) < 0.3
    again = S.bayesian_search(objective, space, 15, seed=0)
    assert np.array_equal(bayes[0].points, again.points)


@pytest.mark.parametrize("call,message", [
    (lambda: S.random_search(lambda p: 0, SPACE, 0), "n_trials=0"),
    (lambda: S.random_search(lambda p: 0, {}, 3), "Received: {}"),
    (lambda: S.random_search(lambda p: 0, {"a": (0, 1)}, 3), r"Received: \{'a': \(0, 1\)\}"),
    (lambda: S.random_search("f", SPACE, 3), "Received: 'f'"),
    (lambda: S.bayesian_search(lambda p: 0, SPACE, 5, n_initial=6), "n_initial=6"),
    (lambda: S.Real(1.0, 0.5), "low=1.0, high=0.5"),
    (lambda: S.Real(0.0, 1.0, log=True), "low=0.0"),
    (lambda: S.Integer(0, 8, log=True), "low=0"),
])
def test_errors_name_the_received_value(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()


def test_surrogate_lives_in_gaussian_process_and_is_exported_by_search():
    from nnkit import gaussian_process as G
    assert S.GaussianProcess is G.GaussianProcess
    assert S.expected_improvement is G.expected_improvement
