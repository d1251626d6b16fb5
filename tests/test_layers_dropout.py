"""Dropout: inverted scaling, off at predict time, and its gradient with a fixed mask."""
import numpy as np
import pytest

import nnkit as nk
from nnkit.gradcheck import numerical_gradient, relative_error


def built_dropout(rate, seed=0):
    layer = nk.Dropout(rate, seed=seed)
    layer.build(50, np.random.default_rng(123))
    return layer


@pytest.mark.parametrize("rate", [0.1, 0.3, 0.5, 0.8])
def test_inverted_scaling_keeps_the_mean_and_zeroes_a_fraction_rate(rate):
    a = np.random.default_rng(1).uniform(0.5, 2.0, size=(2000, 50))
    out = built_dropout(rate).forward(a, training=True)
    dropped = out == 0
    assert abs(dropped.mean() - rate) < 0.01
    # The survivors are divided by 1 - rate, exactly: not approximately, not a rescaled mean.
    np.testing.assert_allclose(out[~dropped], a[~dropped] / (1 - rate), rtol=1e-15)
    assert abs(out.mean() / a.mean() - 1) < 0.02


def test_off_at_predict_time_and_for_rate_zero():
    a = np.random.default_rng(2).normal(size=(7, 50))
    layer = built_dropout(0.5)
    assert layer.forward(a, training=False) is a and layer.mask is None
    assert built_dropout(0.0).forward(a, training=True) is a
    # In a model: predict and evaluate never drop, so they are deterministic and equal to
    # the same weights without the Dropout layer.
    model = nk.Sequential([nk.Dense(8, activation="relu"), nk.Dropout(0.5),
                           nk.Dense(1, activation="sigmoid")], seed=0)
    plain = nk.Sequential([nk.Dense(8, activation="relu"), nk.Dense(1, activation="sigmoid")])
    X = a[:, :2]
    model.build(2)
    plain.build(2)
    plain.set_weights(model.get_weights())
    np.testing.assert_array_equal(model.predict(X), model.predict(X))
    np.testing.assert_array_equal(model.predict(X), plain.predict(X))


def test_training_pass_differs_from_predict_and_is_seeded():
    X = np.random.default_rng(3).normal(size=(20, 2))

    def outputs(seed):
        model = nk.Sequential([nk.Dense(16, activation="relu"), nk.Dropout(0.5, seed=seed),
                               nk.Dense(1)], seed=0)
        model.build(2)
        return model.forward(X, training=True), model.predict(X)

    train_a, predict_a = outputs(seed=5)
    train_b, _ = outputs(seed=5)
    train_c, _ = outputs(seed=6)
    np.testing.assert_array_equal(train_a, train_b)
    assert not np.allclose(train_a, train_c)
    assert not np.allclose(train_a, predict_a)


def test_backward_multiplies_by_the_same_mask():
    layer = built_dropout(0.4)
    a = np.random.default_rng(4).normal(size=(6, 50))
    upstream = np.random.default_rng(5).normal(size=(6, 50))
    layer.forward(a, training=True)
    mask = layer.mask.copy()
    assert set(np.unique(mask)) == {0.0, 1 / 0.6}
    da = layer.backward(upstream)
    np.testing.assert_array_equal(da, upstream * mask)

    def loss():  # L = sum(upstream * dropout(a)) with the mask held fixed
        return float(np.sum(upstream * a * mask))

    assert relative_error(da, numerical_gradient(loss, a)) < 1e-8


def _reseed_dropout(model, seed):
    for layer in model.layers:
        if isinstance(layer, nk.Dropout):
            layer.rng = np.random.default_rng(seed)


@pytest.mark.parametrize("rate", [0.2, 0.5])
def test_model_gradient_through_dropout_with_a_fixed_mask(rate):
    """Backprop through Dense-Dropout-Dense-Dropout-Dense against central differences.
    Re-seeding the Dropout layers before every forward pass fixes the mask, which makes
    the training-mode loss a deterministic function of the weights."""
    rng = np.random.default_rng(6)
    X, y = rng.normal(size=(12, 3)), (rng.random((12, 1)) > 0.5).astype(float)
    model = nk.Sequential([nk.Dense(6, activation="tanh"), nk.Dropout(rate),
                           nk.Dense(5, activation="relu"), nk.Dropout(rate),
                           nk.Dense(1, activation="sigmoid")], seed=1)
    model.compile(loss="binary_crossentropy")
    model.build(3)

    def loss():
        _reseed_dropout(model, 42)
        return model.compute_loss(y, model.forward(X, training=True))

    _reseed_dropout(model, 42)
    model.backward(y, model.forward(X, training=True))
    masks = [layer.mask for layer in model.layers if isinstance(layer, nk.Dropout)]
    assert all((m == 0).any() for m in masks), "the test needs some units dropped"
    analytic = [g.copy() for g in model.grads]
    for p, g in zip(model.params, analytic):
        assert relative_error(g, numerical_gradient(loss, p)) < 1e-6


def test_a_dropped_unit_gets_no_weight_gradient():
    rng = np.random.default_rng(7)
    X, y = rng.normal(size=(1, 3)), np.ones((1, 1))
    model = nk.Sequential([nk.Dense(6, activation="tanh"), nk.Dropout(0.5, seed=3),
                           nk.Dense(1, activation="sigmoid")], seed=2)
    model.compile(loss="binary_crossentropy")
    model.build(3)
    for _ in range(20):  # until the mask drops at least one unit
        y_hat = model.forward(X, training=True)
        if (model.layers[1].mask == 0).any():
            break
    model.backward(y, y_hat)
    dropped = model.layers[1].mask[0] == 0
    dW1, db1 = model.layers[0].grads
    assert dropped.any()
    np.testing.assert_array_equal(dW1[:, dropped], 0.0)
    np.testing.assert_array_equal(db1[dropped], 0.0)
    assert np.all(dW1[:, ~dropped] != 0)


def test_fit_with_dropout_is_reproducible_and_predict_is_unchanged_by_training_mode():
    X, y = nk.data.circle(n=60, noise=0.2, seed=0)

    def trained():
        model = nk.Sequential([nk.Dense(16, activation="relu"), nk.Dropout(0.3),
                               nk.Dense(1, activation="sigmoid")], seed=4)
        model.compile(optimizer=nk.Adam(0.01), loss="binary_crossentropy")
        model.fit(X, y, epochs=5, batch_size=20)
        return model

    np.testing.assert_array_equal(trained().get_weights()[0], trained().get_weights()[0])


# A string rate gets a TypeError from comparing str with int, which names nothing.
# Reported to the lead with the fix: test `isinstance(rate, numbers.Real)` first.
@pytest.mark.parametrize("rate", [1, 1.0, -0.1, 1.5, "0.5", True, None, [0.5]])
def test_bad_rate_names_the_received_value(rate):
    with pytest.raises(ValueError, match=f"Received: rate={rate!r}".replace("[", r"\[")
                       .replace("]", r"\]")):
        nk.Dropout(rate)
