"""Optimizer update rules on a single weight, worked by hand."""
import numpy as np
import pytest

import nnkit as nk


def steps(opt, grads):
    w = np.array([1.0])
    out = []
    for g in grads:
        opt.apply([w], [np.array([g])])
        out.append(w[0])
    return out


def test_sgd_is_w_minus_lr_times_gradient():
    assert steps(nk.SGD(0.1), [2.0, 2.0]) == pytest.approx([0.8, 0.6])


def test_momentum_builds_up_velocity_like_keras():
    # v1 = -0.1*2 = -0.2, w = 0.8; v2 = 0.9*-0.2 - 0.2 = -0.38, w = 0.42
    assert steps(nk.SGD(0.1, momentum=0.9), [2.0, 2.0]) == pytest.approx([0.8, 0.42])


def test_adam_first_step_is_the_learning_rate_in_the_gradient_direction():
    assert steps(nk.Adam(0.01), [5.0])[0] == pytest.approx(1 - 0.01, abs=1e-6)


@pytest.mark.parametrize("bad", [0, -1, float("nan"), "fast"])
def test_learning_rate_must_be_positive(bad):
    with pytest.raises(ValueError, match="learning_rate"):
        nk.SGD(bad)


def test_unknown_optimizer_named():
    with pytest.raises(ValueError, match="'rmsprop'"):
        nk.optimizers.get("rmsprop")
