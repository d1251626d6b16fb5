"""The chapter 02 checks accept right answers and reject wrong ones with a hint."""
import numpy as np
import pytest

import nnkit as nk
from nnkit.exercises import ch02

CHAPTER_XOR = [[[1, -1], [1, -1]], [-0.5, 1.5], [[1], [1]], [-1.5]]   # OR, NAND -> AND
OTHER_XOR = [[[1, -1], [-1, 1]], [-0.5, -0.5], [[1], [1]], [1]]       # x1>x2, x2>x1 -> OR


def test_gate_names_cover_all_sixteen_functions():
    assert len(set(ch02.GATE_NAMES.values())) == 16
    for gate, table in nk.data.GATES.items():
        assert ch02.gate_name(table) == gate.upper()
    assert ch02.gate_name([-1, -1, 1, -1]) == "x1 AND NOT x2"   # signum outputs
    with pytest.raises(ValueError, match="Received: 3 values"):
        ch02.gate_name([0, 1, 1])


def test_xor_network_accepts_another_decomposition(capsys):
    ch02.check_xor_network(OTHER_XOR)
    out = capsys.readouterr().out
    assert "Correct" in out and "x1 AND NOT x2, NOT x1 AND x2" in out and "OR of them" in out
    # three hidden neurons are fine too (the third one is ignored)
    W1, b1, W2, b2 = OTHER_XOR
    ch02.check_xor_network([np.hstack([W1, [[1], [1]]]), b1 + [0], W2 + [[0]], b2])


def test_xor_network_rejects_the_chapters_own_and_wrong_networks():
    with pytest.raises(AssertionError, match="chapter's decomposition"):
        ch02.check_xor_network(CHAPTER_XOR)
    wrong = [CHAPTER_XOR[0], CHAPTER_XOR[1], CHAPTER_XOR[2], [1.5]]   # OR instead of AND
    with pytest.raises(AssertionError, match="gets 2 of XOR's 4 rows wrong.*OR, NAND"):
        ch02.check_xor_network(wrong)
    rng = np.random.default_rng(0)
    for _ in range(200):  # random signum networks almost never compute XOR
        ws = [rng.normal(size=(2, 2)), rng.normal(size=2), rng.normal(size=(2, 1)),
              rng.normal(size=1)]
        try:
            ch02.check_xor_network(ws)
        except AssertionError:
            continue
        net = ch02._sign_network(ws)
        assert np.array_equal(net.predict(nk.data.logic_gate("xor")[0]) > 0,
                              nk.data.logic_gate("xor")[1] > 0.5)


def test_xor_network_bad_shapes():
    with pytest.raises(ValueError, match=r"Received: \[\(2, 2\), \(2,\), \(2,\), \(1,\)\]"):
        ch02.check_xor_network([CHAPTER_XOR[0], CHAPTER_XOR[1], [1, 1], [-1.5]])
    with pytest.raises(ValueError, match="Received: list of length 2"):
        ch02.check_xor_network(CHAPTER_XOR[:2])


def test_min_width_accepts_only_the_fewest(capsys):
    errors = [ch02.wave_error(w) for w in range(1, 8)]
    answer = next(w for w, e in enumerate(errors, start=1) if e < 0.05)
    ch02.check_min_width(answer)
    assert "Correct" in capsys.readouterr().out
    with pytest.raises(AssertionError, match="not below 0.05"):
        ch02.check_min_width(answer - 1)
    with pytest.raises(AssertionError, match=f"so are {answer}"):
        ch02.check_min_width(answer + 1)
    with pytest.raises(ValueError, match="Received: width=0"):
        ch02.check_min_width(0)


def test_one_hidden_layer_starts_as_spread_out_soft_steps():
    model = ch02.one_hidden_layer(50, seed=1)
    W1, b1, W2, b2 = model.get_weights()
    centres = -b1 / W1[0]
    assert np.all(np.abs(centres) <= 1) and centres.std() > 0.4
    assert model.optimizer.learning_rate == 0.05 and model.loss.name == "mse"
    with pytest.raises(ValueError, match="Received: width=2.5"):
        ch02.one_hidden_layer(2.5)


def test_collapse(capsys):
    model = nk.Sequential([nk.Dense(4), nk.Dense(3), nk.Dense(2)], seed=0)
    model.build(3)
    rng = np.random.default_rng(1)
    model.set_weights([w + rng.normal(size=w.shape) for w in model.get_weights()])
    W1, b1, W2, b2, W3, b3 = model.get_weights()
    W, b = W1 @ W2 @ W3, (b1 @ W2 + b2) @ W3 + b3
    ch02.check_collapse(model, W, b)
    assert "Correct: 3 linear layers" in capsys.readouterr().out
    with pytest.raises(AssertionError, match="differs from the network's output"):
        ch02.check_collapse(model, W, b3)               # forgot the earlier biases
    with pytest.raises(ValueError, match=r"Received: W \(4, 2\)"):
        ch02.check_collapse(model, np.zeros((4, 2)), b)
    bent = nk.Sequential([nk.Dense(4, activation="tanh"), nk.Dense(1)])
    bent.build(3)
    with pytest.raises(ValueError, match="not linear"):
        ch02.check_collapse(bent, np.zeros((3, 1)), np.zeros(1))


def test_abs_weights(capsys):
    ch02.check_abs_weights([[[1, -1]], [0, 0], [[1], [1]], [0]])
    assert "2 ReLU neurons" in capsys.readouterr().out
    with pytest.raises(AssertionError, match=r"off \|x\| by up to 3 \(at x = -3\)"):
        ch02.check_abs_weights([[[1, -1]], [0, 0], [[1], [0]], [0]])   # relu(x) only
    with pytest.raises(ValueError, match="one input"):
        ch02.check_abs_weights([[[1, -1], [1, 1]], [0, 0], [[1], [1]], [0]])
