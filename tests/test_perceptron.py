"""The perceptron rule: converges on the linearly separable gates, never on XOR."""
import warnings

import numpy as np
import pytest

import nnkit as nk


@pytest.mark.parametrize("gate", ["and", "or", "nand", "nor"])
def test_learns_every_linearly_separable_gate(gate):
    X, y = nk.data.logic_gate(gate)
    with warnings.catch_warnings():
        warnings.simplefilter("error", nk.ConvergenceWarning)
        p = nk.Perceptron().fit(X, y, epochs=20)
    assert p.converged_ and p.errors_[-1] == 0
    np.testing.assert_array_equal(p.predict(X), y)


def test_and_from_zero_weights_step_by_step():
    # By hand, visiting (0,0), (0,1), (1,0), (1,1) with lr = 1 and x = [1, x1, x2]:
    # epoch 1: (0,0) z=0 -> +1, wrong: w = -[1,0,0]; (0,1), (1,0) right; (1,1) z=-1, wrong:
    # w = [0,1,1]. The rule keeps going until an epoch makes no mistake.
    X, y = nk.data.logic_gate("and")
    p = nk.Perceptron().fit(X, y, epochs=20)
    np.testing.assert_array_equal(p.steps_[0]["w_after"], [-1, 0, 0])
    np.testing.assert_array_equal(p.steps_[3]["w_after"], [0, 1, 1])
    assert p.errors_[0] == 2 and sum(p.errors_) == len([s for s in p.steps_
                                                        if s["output"] != s["target"]])


def test_never_converges_on_xor_and_says_why():
    X, y = nk.data.logic_gate("xor")
    with pytest.warns(nk.ConvergenceWarning, match="did not converge in 100 epochs.*XOR"):
        p = nk.Perceptron().fit(X, y, epochs=100)
    assert not p.converged_ and min(p.errors_) > 0
    assert (p.predict(X) != y).sum() >= 1


def test_labels_round_trip_for_plus_minus_one():
    X, y = nk.data.logic_gate("or")
    p = nk.Perceptron().fit(X, 2 * y - 1)
    assert set(p.predict(X).ravel()) == {-1.0, 1.0}
    assert p.bias == p.w[0] and p.kernel.shape == (2,)


def test_shuffled_and_random_init_runs_are_seeded():
    X, y = nk.data.logic_gate("nand")
    a = nk.Perceptron(init="random", shuffle=True, seed=3).fit(X, y, epochs=30)
    b = nk.Perceptron(init="random", shuffle=True, seed=3).fit(X, y, epochs=30)
    np.testing.assert_array_equal(a.w, b.w)


def test_bad_input_is_named():
    X, y = nk.data.logic_gate("and")
    with pytest.raises(ValueError, match=r"Received labels: \[0.0, 1.0, 2.0\]"):
        nk.Perceptron().fit(X, np.array([[0], [1], [2], [1]]))
    with pytest.raises(ValueError, match=r"y has shape \(4,\)"):
        nk.Perceptron().fit(X, y.ravel())
    with pytest.raises(ValueError, match="Received: learning_rate=0"):
        nk.Perceptron(learning_rate=0)
    with pytest.raises(RuntimeError, match="fit"):
        nk.Perceptron().predict(X)
    with pytest.raises(ValueError, match="Received: epochs=0"):
        nk.Perceptron().fit(X, y, epochs=0)
