"""Checks for the exercises of chapter 01 (neurons and perceptrons)."""
import numpy as np

from .. import data
from ..perceptron import Perceptron, truth_table
from .ch02 import gate_name  # noqa: F401  (names the 16 two-input gates, for the XOR exercise)


def _weights(w):
    w = np.asarray(w, dtype=float)
    if w.shape != (3,):
        raise ValueError(f"w must hold three numbers (w0 = bias, w1, w2). "
                         f"Received: shape {w.shape}.")
    return w


def check_gate_weights(w, gate):
    """Does a signum neuron with w = (w0, w1, w2) compute ``gate`` on its four inputs?"""
    w = _weights(w)
    X, y = data.logic_gate(gate)
    out = (w[0] + X @ w[1:] >= 0).astype(float)
    wrong = np.flatnonzero(out != y.ravel())
    if wrong.size:
        rows = ", ".join(f"({X[i, 0]:g}, {X[i, 1]:g})" for i in wrong)
        raise AssertionError(f"Not yet: w = {w.tolist()} gets {wrong.size} of 4 rows of "
                             f"{gate.upper()} wrong, at {rows}.\n" + truth_table(w, X, y))
    print(f"Correct: w = {w.tolist()} computes {gate.upper()}.\n" + truth_table(w, X, y))


def check_or_by_hand(updates, w):
    """Your count of the perceptron rule's updates on OR (zero start, rows in order,
    learning rate 1) and the weights it ends with."""
    p = Perceptron().fit(*data.logic_gate("or"), epochs=20)
    n = sum(p.errors_)
    if updates != n:
        raise AssertionError(f"Not yet: you counted {updates} updates. Go through the rows "
                             "again; an update happens only when the output is wrong.")
    if not np.allclose(_weights(w), p.w):
        raise AssertionError(f"The count is right, but w = {list(w)} is not where the rule "
                             "ends. Write down w after every update.")
    print(f"Correct: {n} updates, ending at w = {p.w.tolist()}.")


def check_learning_rate_only_scales(w_lr1, w_small, learning_rate):
    """Weights learned from zero with learning rate 1 and with ``learning_rate``: the
    second must be the first times the learning rate."""
    w_lr1, w_small = _weights(w_lr1), _weights(w_small)
    if not np.allclose(w_small, learning_rate * w_lr1):
        raise AssertionError(f"{w_small.tolist()} is not {learning_rate} x {w_lr1.tolist()}. "
                             "Did both runs start from zero weights and see the rows in the "
                             "same order?")
    print(f"Correct: w = {w_small.tolist()} = {learning_rate} x {w_lr1.tolist()}:\n"
          "the line is the same.")


# The functions a line can get 3 of XOR's 4 rows right with: each differs from XOR in
# exactly one row, and each is linearly separable.
XOR_NEIGHBOURS = ("OR", "NAND", "x1 AND NOT x2", "NOT x1 AND x2")


def check_xor_brute_force(fewest, best_gates):
    """Your brute-force answer for XOR: the fewest mistakes any signum neuron made on
    its four rows, and the names of the gates (``gate_name``) that the best neurons
    computed instead."""
    if isinstance(fewest, bool) or not isinstance(fewest, (int, np.integer)):
        raise TypeError(f"fewest must be a whole number of rows (0 to 4). "
                        f"Received: {fewest!r} of type {type(fewest).__name__}.")
    if fewest == 0:
        raise AssertionError("Not yet: 0 mistakes would mean some neuron computes XOR, which "
                             "the algebra rules out. Check how you compare the outputs "
                             "(z >= 0 means 1) with the targets.")
    if fewest != 1:
        raise AssertionError(f"Not yet: you found {fewest} mistakes at best, but some lines "
                             "get three rows right (OR's line, for one). Count the mistakes "
                             "of every weight vector and take the minimum.")
    if isinstance(best_gates, str):
        best_gates = [best_gates]
    best_gates = set(best_gates)
    wrong = sorted(best_gates - set(XOR_NEIGHBOURS))
    if wrong or not best_gates:
        raise AssertionError(f"Not yet: {wrong or 'no gate'} does not get exactly one row of "
                             "XOR wrong. Name the outputs of the weight vectors that make "
                             "the fewest mistakes, with gate_name(outputs).")
    missing = [g for g in XOR_NEIGHBOURS if g not in best_gates]
    print("Correct: no line gets all four rows of XOR; the best get 3 of 4 right.\n"
          f"They compute {', '.join(sorted(best_gates))}." + (
              f"\n({', '.join(missing)} would too: your random draws missed them.)"
              if missing else "\nEach differs from XOR in exactly one row."))
