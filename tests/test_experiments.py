"""nnkit.experiments: one fresh model per seed, outcomes recorded honestly, bad input refused."""
import numpy as np
import pytest

import nnkit as nk
from nnkit.experiments import SeedResults, all_correct, curve_error, loss_below, run_seeds, sweep

X_XOR, Y_XOR = nk.data.logic_gate("xor")


def xor_model(width=2, seed=0, learning_rate=2.0):
    model = nk.Sequential([nk.Dense(width, activation="tanh"),
                           nk.Dense(1, activation="sigmoid")], seed=seed)
    model.compile(optimizer=nk.SGD(learning_rate=learning_rate), loss="binary_crossentropy")
    return model


FIT = {"epochs": 300, "batch_size": 4}


def test_each_run_matches_a_hand_run_with_the_same_seed():
    runs = run_seeds(lambda s: xor_model(2, s), X_XOR, Y_XOR, seeds=[3, 9], fit_kwargs=FIT,
                     success=all_correct)
    assert runs.seeds == [3, 9]
    for r in runs:
        by_hand = xor_model(2, r.seed)
        history = by_hand.fit(X_XOR, Y_XOR, **FIT)
        assert r.loss == history.history["loss"][-1]
        assert r.history["loss"] == history.history["loss"]
        assert r.success == bool(np.all(by_hand.predict(X_XOR).round() == Y_XOR))
        np.testing.assert_array_equal(r.model.predict(X_XOR), by_hand.predict(X_XOR))
        assert r.seconds > 0 and not r.diverged


def test_xor_2_2_1_sometimes_gets_stuck_and_wider_nets_less_often():
    runs = sweep(xor_model, [2, 4], X_XOR, Y_XOR, seeds=range(20), fit_kwargs=FIT,
                 success=all_correct)
    assert list(runs) == [2, 4]
    two, four = runs[2], runs[4]
    assert 0 < two.successes < 20, "some seeds solve XOR with 2 hidden neurons, not all"
    assert four.success_rate > two.success_rate
    # the stuck runs sit on the plateau where two points are predicted 0.5: ln(2) / 2
    np.testing.assert_allclose(two.failed().losses, np.log(2) / 2, atol=0.01)
    assert np.all(two.succeeded().losses < 0.05)
    assert len(two.failed()) + len(two.succeeded()) == 20
    p = two.success_rate
    assert two.standard_error == pytest.approx(np.sqrt(p * (1 - p) / 20))
    assert "20 runs" in repr(two) and f"{two.successes} succeeded" in repr(two)


def test_best_picks_the_lowest_loss_or_score():
    runs = run_seeds(lambda s: xor_model(2, s), X_XOR, Y_XOR, seeds=range(6), fit_kwargs=FIT,
                     score=lambda m, X, y: -float(m.predict(X)[0, 0]))
    assert runs.best().loss == runs.losses.min()
    assert runs.best("score").score == np.nanmin(runs.scores)
    with pytest.raises(ValueError, match="key must be 'loss' or 'score'. Received: key='acc'"):
        runs.best("acc")


def test_divergence_is_recorded_not_raised():
    def too_fast(seed):  # linear regression with a learning rate far too large
        model = nk.Sequential([nk.Dense(1)], seed=seed)
        model.compile(optimizer=nk.SGD(learning_rate=10.0), loss="mse")
        return model
    X, y = nk.data.regression_1d("sine", n=20)
    runs = run_seeds(too_fast, 100 * X, y, seeds=[0, 1], fit_kwargs={"epochs": 200},
                     success=all_correct, score=lambda m, X, y: 1.0)
    assert len(runs) == 2  # the first divergence did not stop the experiment
    r = runs[0]
    assert r.diverged and r.loss == np.inf and r.success is False and r.score is None


def test_keep_models_false_drops_models():
    runs = run_seeds(lambda s: xor_model(2, s), X_XOR, Y_XOR, [0], FIT, keep_models=False)
    assert runs[0].model is None and runs[0].success is None


def test_success_summaries_need_a_criterion():
    runs = run_seeds(lambda s: xor_model(2, s), X_XOR, Y_XOR, [0], {"epochs": 2})
    with pytest.raises(ValueError, match="without a success criterion"):
        runs.success_rate
    with pytest.raises(ValueError, match="no runs"):
        SeedResults().best()
    with pytest.raises(ValueError, match="pass score="):
        runs.best("score")


def test_all_correct_and_loss_below():
    model = nk.Sequential([nk.Dense(2, activation="sign"), nk.Dense(1, activation="sign")])
    model.build(2)
    model.set_weights([[[1, -1], [1, -1]], [-0.5, 1.5], [[1], [1]], [-1.5]])  # OR, NAND, AND
    assert all_correct(model, X_XOR, Y_XOR)                 # signum's +1/-1 read as 1/0
    assert not all_correct(model, X_XOR, 1 - Y_XOR)
    with pytest.raises(ValueError, match=r"Received: y of shape \(4,\)"):
        all_correct(model, X_XOR, Y_XOR.ravel())
    softmax = nk.Sequential([nk.Dense(2, activation="softmax")])
    softmax.build(2)
    softmax.set_weights([[[0, 0], [-1, 1]], [0, 0]])
    assert all_correct(softmax, X_XOR, nk.data.one_hot(X_XOR[:, 1]))
    trained = xor_model(4, 0)
    trained.fit(X_XOR, Y_XOR, **FIT)
    assert loss_below(0.05)(trained, X_XOR, Y_XOR)
    assert not loss_below(1e-9)(trained, X_XOR, Y_XOR)
    with pytest.raises(ValueError, match="Received: -1"):
        loss_below(-1)


def test_curve_error_is_the_rms_gap_on_a_grid():
    class Shifted:
        def predict(self, x):
            return np.sin(x) + 0.5
    assert curve_error(Shifted(), np.sin) == pytest.approx(0.5)
    assert curve_error(Shifted(), lambda x: np.sin(x) + 0.5) == pytest.approx(0.0)
    with pytest.raises(ValueError, match="Received: lo=1, hi=0"):
        curve_error(Shifted(), np.sin, lo=1, hi=0)
    with pytest.raises(TypeError, match="f must be a function"):
        curve_error(Shifted(), "sine")


@pytest.mark.parametrize("kwargs, error, message", [
    ({"make_model": None}, TypeError, "make_model must be a function"),
    ({"seeds": []}, ValueError, r"Received: seeds=\[\]"),
    ({"seeds": 5}, TypeError, "Received: seeds=5"),
    ({"seeds": [0.5]}, TypeError, r"Received: \[0.5\]"),
    ({"fit_kwargs": [("epochs", 2)]}, TypeError, "Received: list"),
    ({"success": "accuracy"}, TypeError, "Received: success='accuracy'"),
    ({"make_model": lambda s: "model"}, TypeError, "Received: str"),
])
def test_bad_input_names_what_was_received(kwargs, error, message):
    args = {"make_model": lambda s: xor_model(2, s), "X": X_XOR, "y": Y_XOR,
            "seeds": [0], "fit_kwargs": {"epochs": 1}} | kwargs
    with pytest.raises(error, match=message):
        run_seeds(**args)


def test_sweep_bad_input():
    with pytest.raises(ValueError, match="values is empty"):
        sweep(xor_model, [], X_XOR, Y_XOR, [0])
    with pytest.raises(TypeError, match="Received: int"):
        sweep(3, [2], X_XOR, Y_XOR, [0])


def test_module_docstring_example_runs_as_written():
    import doctest

    import nnkit.experiments
    result = doctest.testmod(nnkit.experiments)
    assert result.attempted >= 4 and result.failed == 0
