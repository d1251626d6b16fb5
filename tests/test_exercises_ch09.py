"""The chapter 09 checks accept good Playground settings and reject wrong ones."""
import pytest

from nnkit.exercises import ch09
from nnkit.playground import PlaygroundState

SPIRAL = PlaygroundState(dataset="spiral")


def test_small_spiral_accepts_a_good_network(capsys):
    good = SPIRAL.replace(features=("x1", "x2", "sin(x1)", "sin(x2)"), hidden_layers=(4,))
    pg = ch09.check_small_spiral(good.to_json())
    assert pg.test_accuracy() >= 0.9 and "25 weights" in capsys.readouterr().out


def test_small_spiral_rejects_weak_networks_and_changed_data():
    with pytest.raises(AssertionError, match="below 0.9"):
        ch09.check_small_spiral(SPIRAL.replace(hidden_layers=(2,)).to_dict())
    with pytest.raises(AssertionError, match="noise"):
        ch09.check_small_spiral(SPIRAL.replace(noise=0.1, hidden_layers=(8, 8, 8)))
    with pytest.raises(AssertionError, match="'circle'"):
        ch09.check_small_spiral(PlaygroundState(features=("x1^2", "x2^2")))
    with pytest.raises(TypeError, match="Received"):
        ch09.check_small_spiral(42)


def test_circle_without_hidden_layers():
    ok = PlaygroundState(dataset="circle", features=("x1^2", "x2^2"), hidden_layers=())
    assert ch09.check_circle_without_hidden_layers(ok).test_accuracy() >= 0.95
    with pytest.raises(AssertionError, match="below"):
        ch09.check_circle_without_hidden_layers(ok.replace(features=("x1", "x2")))
    with pytest.raises(AssertionError, match="No hidden layers"):
        ch09.check_circle_without_hidden_layers(ok.replace(hidden_layers=(4,)))


def test_learning_rate_window(capsys):
    assert ch09.learning_rate_window() == [0.1, 0.3, 1.0]
    ch09.check_learning_rate_window([1.0, 0.1, 0.3])
    assert "Correct" in capsys.readouterr().out
    with pytest.raises(AssertionError, match="Missing: \\[1.0\\]"):
        ch09.check_learning_rate_window([0.1, 0.3])
    with pytest.raises(AssertionError, match="wrongly included: \\[3.0\\]"):
        ch09.check_learning_rate_window([0.1, 0.3, 1.0, 3.0])
    with pytest.raises(AssertionError, match="0.2"):
        ch09.check_learning_rate_window([0.2])
    with pytest.raises(TypeError, match="Received"):
        ch09.check_learning_rate_window("fast")


def test_messages_are_wrapped_for_the_solution_boxes(capsys):
    ok = PlaygroundState(dataset="circle", features=("x1^2", "x2^2"), hidden_layers=())
    ch09.check_circle_without_hidden_layers(ok)
    out = capsys.readouterr().out
    assert "\n" in out.strip() and max(len(line) for line in out.splitlines()) <= 66
    with pytest.raises(AssertionError) as e:
        ch09.check_learning_rate_window([0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 3.0, 10.0])
    assert max(len(line) for line in str(e.value).splitlines()) <= 66
