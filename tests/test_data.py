"""Data generators: shapes, labels, seeds."""
import numpy as np
import pytest

import nnkit as nk


@pytest.mark.parametrize("gate,column", [("and", [0, 0, 0, 1]), ("or", [0, 1, 1, 1]),
                                         ("nand", [1, 1, 1, 0]), ("nor", [1, 0, 0, 0]),
                                         ("xor", [0, 1, 1, 0])])
def test_truth_tables(gate, column):
    X, y = nk.data.logic_gate(gate)
    assert X.shape == (4, 2) and y.shape == (4, 1)
    np.testing.assert_array_equal(y.ravel(), column)


@pytest.mark.parametrize("make", [nk.data.xor, nk.data.circle, nk.data.gaussians,
                                  nk.data.spiral])
def test_2d_sets_are_seeded_and_shaped(make):
    X1, y1 = make(n=51, seed=7)
    X2, y2 = make(n=51, seed=7)
    X3, _ = make(n=51, seed=8)
    assert X1.shape == (51, 2) and y1.shape == (51, 1)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.array_equal(X1, X3)
    assert set(np.unique(y1)) <= {0.0, 1.0, 2.0}


def test_circle_labels_follow_the_radius_without_noise():
    X, y = nk.data.circle(200, noise=0.0)
    r = np.hypot(X[:, 0], X[:, 1])
    assert (r[y.ravel() == 1] <= 0.5).all() and (r[y.ravel() == 0] >= 0.7).all()


def test_three_gaussians_are_balanced():
    _, y = nk.data.gaussians(99, classes=3)
    assert np.bincount(y.ravel().astype(int)).tolist() == [33, 33, 33]


@pytest.mark.parametrize("target", ["sine", "step", "abs", "cubic", "gauss"])
def test_regression_targets(target):
    X, y = nk.data.regression_1d(target, n=20, grid=True)
    assert X.shape == y.shape == (20, 1)
    np.testing.assert_allclose(y, nk.data.REGRESSION_TARGETS[target](X))


def test_split_is_a_partition():
    X, y = nk.data.circle(40)
    (Xt, yt), (Xv, yv) = nk.data.train_val_split(X, y, val_fraction=0.25, seed=1)
    assert len(Xt) == 30 and len(Xv) == 10
    both = np.vstack([Xt, Xv])
    assert sorted(map(tuple, both)) == sorted(map(tuple, X))


def test_one_hot():
    np.testing.assert_array_equal(nk.data.one_hot(np.array([[2], [0]])), [[0, 0, 1], [1, 0, 0]])
    with pytest.raises(ValueError, match="num_classes=2, but the labels go up to 2"):
        nk.data.one_hot([0, 2], 2)
    with pytest.raises(ValueError, match="non-negative integers"):
        nk.data.one_hot([0.5, 1])


def test_bad_names_and_sizes():
    with pytest.raises(ValueError, match="Unknown gate 'xand'"):
        nk.data.logic_gate("xand")
    with pytest.raises(ValueError, match="Unknown target 'sin'"):
        nk.data.regression_1d("sin")
    with pytest.raises(ValueError, match="Received: n=0"):
        nk.data.circle(0)
    with pytest.raises(ValueError, match="val_fraction"):
        nk.data.train_val_split(*nk.data.circle(10), val_fraction=1.5)
