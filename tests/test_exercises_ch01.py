"""The chapter 01 checks accept right answers and reject wrong ones with a hint."""
import numpy as np
import pytest

import nnkit as nk
from nnkit.exercises import ch01
from nnkit.exercises.ch02 import GATE_NAMES


def test_gate_weights(capsys):
    ch01.check_gate_weights((1.5, -1, -1), "nand")
    assert "Correct" in capsys.readouterr().out
    with pytest.raises(AssertionError, match=r"gets 1 of 4 rows of NAND wrong, at \(1, 1\)"):
        ch01.check_gate_weights((2.5, -1, -1), "nand")
    with pytest.raises(ValueError, match=r"Received: shape \(2,\)"):
        ch01.check_gate_weights((1, 1), "and")


def test_no_weights_pass_for_xor():
    rng = np.random.default_rng(0)
    for w in rng.normal(size=(200, 3)):
        with pytest.raises(AssertionError):
            ch01.check_gate_weights(w, "xor")


def test_or_by_hand():
    p = nk.Perceptron().fit(*nk.data.logic_gate("or"))
    ch01.check_or_by_hand(sum(p.errors_), p.w)
    with pytest.raises(AssertionError, match="you counted 3"):
        ch01.check_or_by_hand(3, p.w)
    with pytest.raises(AssertionError, match="not where the rule ends"):
        ch01.check_or_by_hand(sum(p.errors_), [0, 1, 1])


def test_learning_rate_only_scales():
    ch01.check_learning_rate_only_scales([-3, 2, 1], [-0.3, 0.2, 0.1], 0.1)
    with pytest.raises(AssertionError, match="not 0.1 x"):
        ch01.check_learning_rate_only_scales([-3, 2, 1], [-0.3, 0.2, 0.2], 0.1)


def test_xor_brute_force(capsys):
    ch01.check_xor_brute_force(1, ["OR", "NAND", "x1 AND NOT x2", "NOT x1 AND x2"])
    assert "Each differs from XOR in exactly one row" in capsys.readouterr().out
    ch01.check_xor_brute_force(1, {"OR"})
    assert "NAND" in capsys.readouterr().out          # names the ones not found
    with pytest.raises(AssertionError, match="0 mistakes would mean"):
        ch01.check_xor_brute_force(0, ["OR"])
    with pytest.raises(AssertionError, match="you found 2 mistakes"):
        ch01.check_xor_brute_force(2, ["OR"])
    with pytest.raises(AssertionError, match=r"\['x1'\] does not get exactly one row"):
        ch01.check_xor_brute_force(1, ["OR", "x1"])     # ignores x2: wrong on two rows
    with pytest.raises(AssertionError, match="no gate"):
        ch01.check_xor_brute_force(1, [])
    with pytest.raises(TypeError, match="Received: 1.0"):
        ch01.check_xor_brute_force(1.0, ["OR"])


def test_xor_neighbours_are_one_row_from_xor():
    xor = nk.data.GATES["xor"]
    for table, name in GATE_NAMES.items():
        one_off = sum(a != b for a, b in zip(table, xor)) == 1
        assert one_off == (name in ch01.XOR_NEIGHBOURS)
