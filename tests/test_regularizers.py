"""L1 and L2 weight penalties: their values (Keras's scale), their gradients against
central differences, and their place in a model's loss and gradient."""
import numpy as np
import pytest

import nnkit as nk
from nnkit.gradcheck import numerical_gradient, relative_error

W = np.random.default_rng(0).normal(size=(4, 3))
W[np.abs(W) < 0.05] = 0.3  # keep every entry away from L1's kink at 0


def test_penalty_values_use_keras_scale():
    # Keras: L2(l2) adds l2 * sum(W**2) (no 1/2), L1(l1) adds l1 * sum(|W|).
    assert nk.L2(0.01).penalty(W) == pytest.approx(0.01 * np.sum(W ** 2), rel=1e-14)
    assert nk.L1(0.01).penalty(W) == pytest.approx(0.01 * np.sum(np.abs(W)), rel=1e-14)
    both = nk.L1L2(l1=0.02, l2=0.03).penalty(W)
    assert both == pytest.approx(0.02 * np.abs(W).sum() + 0.03 * (W ** 2).sum(), rel=1e-14)
    assert nk.regularizers.get("l2").l2 == 0.01 and nk.regularizers.get("l1").l1 == 0.01
    assert nk.L1L2().penalty(W) == 0.0


@pytest.mark.parametrize("reg", [nk.L2(0.1), nk.L1(0.1), nk.L1L2(l1=0.05, l2=0.2)],
                         ids=["L2", "L1", "L1L2"])
def test_gradient_matches_central_differences(reg):
    w = W.copy()
    numeric = numerical_gradient(lambda: reg.penalty(w), w)
    assert relative_error(reg.gradient(w), numeric) < 1e-8


def test_l2_gradient_is_2_lambda_w_and_l1_is_lambda_sign_w():
    np.testing.assert_allclose(nk.L2(0.1).gradient(W), 0.2 * W)
    np.testing.assert_allclose(nk.L1(0.1).gradient(W), 0.1 * np.sign(W))
    # At exactly 0, L1 has no derivative; the subgradient 0 leaves such a weight alone.
    assert nk.L1(0.1).gradient(np.zeros((2, 2))).sum() == 0


def regularized_model(**kwargs):
    model = nk.Sequential([nk.Dense(5, activation="tanh", kernel_regularizer=nk.L2(0.05)),
                           nk.Dense(4, activation="sigmoid",
                                    kernel_regularizer=nk.L1L2(l1=0.01, l2=0.02)),
                           nk.Dense(1, activation="sigmoid", kernel_regularizer=nk.L1(0.03))],
                          seed=3)
    model.compile(loss="binary_crossentropy", **kwargs)
    return model


def test_whole_model_gradcheck_with_penalties():
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(10, 3)), (rng.random((10, 1)) > 0.5).astype(float)
    model = regularized_model()
    errors = nk.gradcheck(model, X, y, return_all=True)
    assert max(errors) < 1e-6, errors
    # And the penalty really is in there: without it the kernel gradients disagree.
    model.backward(y, model.forward(X))
    dW_with = model.layers[0].grads[0].copy()
    model.layers[0].kernel_regularizer = None
    model.backward(y, model.forward(X))
    np.testing.assert_allclose(dW_with - model.layers[0].grads[0],
                               2 * 0.05 * model.layers[0].W, rtol=1e-12)


def test_compute_loss_and_evaluate_add_the_penalties_but_not_for_biases():
    rng = np.random.default_rng(2)
    X, y = rng.normal(size=(10, 3)), (rng.random((10, 1)) > 0.5).astype(float)
    model = regularized_model()
    y_hat = model.predict(X)
    data_loss = nk.losses.get("binary_crossentropy")(y, y_hat)
    penalties = (0.05 * np.sum(model.layers[0].W ** 2)
                 + 0.01 * np.abs(model.layers[1].W).sum() + 0.02 * np.sum(model.layers[1].W ** 2)
                 + 0.03 * np.abs(model.layers[2].W).sum())
    assert model.compute_loss(y, y_hat) == pytest.approx(data_loss + penalties, rel=1e-12)
    assert model.evaluate(X, y) == pytest.approx(data_loss + penalties, rel=1e-12)
    # Biases are not penalised (Keras's kernel_regularizer): changing them leaves the
    # penalty alone.
    before = sum(layer.penalty() for layer in model.layers)
    for layer in model.layers:
        layer.b += 1.0
    assert sum(layer.penalty() for layer in model.layers) == before


def test_l2_shrinks_the_weights_and_l1_more_of_them_towards_zero():
    X, y = nk.data.circle(n=50, noise=0.2, seed=0)

    def kernels(reg):
        model = nk.Sequential([nk.Dense(32, activation="relu", kernel_regularizer=reg),
                               nk.Dense(32, activation="relu", kernel_regularizer=reg),
                               nk.Dense(1, activation="sigmoid")], seed=0)
        model.compile(optimizer=nk.Adam(0.01), loss="binary_crossentropy")
        model.fit(X, y, epochs=200, batch_size=50)
        return np.concatenate([layer.W.ravel() for layer in model.layers[:2]])

    none, l2, l1 = kernels(None), kernels(nk.L2(0.03)), kernels(nk.L1(0.01))
    assert np.abs(l2).mean() < 0.3 * np.abs(none).mean()
    assert np.mean(np.abs(l1) < 0.01) > np.mean(np.abs(l2) < 0.01) > np.mean(np.abs(none) < 0.01)


def test_sgd_step_with_l2_is_weight_decay():
    """One SGD step on L + l2 * sum(W**2) equals W <- (1 - 2 lr l2) W - lr dL/dW."""
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(8, 2)), rng.normal(size=(8, 1))
    lr, l2 = 0.1, 0.05
    plain = nk.Sequential([nk.Dense(1)], seed=0)
    decayed = nk.Sequential([nk.Dense(1, kernel_regularizer=nk.L2(l2))], seed=0)
    for m in (plain, decayed):
        m.compile(optimizer=nk.SGD(lr), loss="mse")
        m.build(2)
    W0 = plain.layers[0].W.copy()
    plain.train_on_batch(X, y)
    decayed.train_on_batch(X, y)
    data_step = plain.layers[0].W - W0           # = -lr dL/dW
    np.testing.assert_allclose(decayed.layers[0].W, (1 - 2 * lr * l2) * W0 + data_step,
                               rtol=1e-12)


@pytest.mark.parametrize("kwargs", [{"l1": -0.1}, {"l2": float("nan")}, {"l2": "0.01"},
                                    {"l1": [0.1]}, {"l2": float("inf")}])
def test_bad_strengths_name_the_received_value(kwargs):
    (name, value), = kwargs.items()
    with pytest.raises(ValueError, match=f"Received: {name}="):
        nk.L1L2(**kwargs)


def test_unknown_identifier_is_named():
    with pytest.raises(ValueError, match="'l3'"):
        nk.regularizers.get("l3")
