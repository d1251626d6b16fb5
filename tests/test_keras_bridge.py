"""nnkit and Keras agree: same weights, same predictions, same SGD steps."""
import os

import numpy as np
import pytest

import nnkit as nk

os.environ.setdefault("KERAS_BACKEND", "jax")
keras = pytest.importorskip("keras")


def test_same_predictions_and_same_training_from_the_same_weights():
    from nnkit.keras_bridge import to_keras

    X, y = nk.data.circle(64, seed=0)
    model = nk.Sequential([nk.Dense(8, activation="tanh"), nk.Dense(8, activation="relu"),
                           nk.Dense(1, activation="sigmoid")], seed=0)
    model.compile(optimizer=nk.SGD(0.3), loss="binary_crossentropy")
    model.build(2)
    kmodel = to_keras(model)
    np.testing.assert_allclose(kmodel.predict(X, verbose=0), model.predict(X), atol=1e-6)
    kmodel.compile(optimizer=keras.optimizers.SGD(0.3), loss="binary_crossentropy")
    ours = model.fit(X, y, epochs=20, batch_size=64).history["loss"]
    theirs = kmodel.fit(X, y, epochs=20, batch_size=64, shuffle=False, verbose=0).history["loss"]
    np.testing.assert_allclose(ours, theirs, rtol=1e-4)


def test_signum_has_no_keras_twin():
    from nnkit.keras_bridge import to_keras

    model = nk.Sequential([nk.Dense(1, activation="sign")], seed=0)
    model.build(2)
    with pytest.raises(ValueError, match="no 'sign' activation"):
        to_keras(model)
