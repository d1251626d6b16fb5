"""Benchmark: the same small MLP trained by nnkit and by Keras (JAX backend).

A 2-8-8-1 network (tanh, tanh, sigmoid) on 1,000 points of ``nnkit.data.circle``, binary
cross-entropy, plain SGD (learning rate 0.1), batch 32, 100 epochs, no shuffling, both
starting from the same weights. Prints each library's wall time for ``fit`` (Keras's
includes its one-off JIT compilation, reported separately from a second run), the
ratio, and both final losses. It is a benchmark, not a test:

    .venv/bin/python benchmarks/train_speed.py
"""
import os
import time

os.environ.setdefault("KERAS_BACKEND", "jax")

import numpy as np  # noqa: E402

import nnkit as nk  # noqa: E402
from nnkit.keras_bridge import keras, to_keras  # noqa: E402

EPOCHS, BATCH, LR = 100, 32, 0.1


def nnkit_model(weights=None):
    model = nk.Sequential([nk.Dense(8, activation="tanh"), nk.Dense(8, activation="tanh"),
                           nk.Dense(1, activation="sigmoid")], seed=0)
    model.compile(optimizer=nk.SGD(learning_rate=LR), loss="binary_crossentropy")
    model.build(2)
    if weights is not None:
        model.set_weights(weights)
    return model


def main():
    X, y = nk.data.circle(1000, noise=0.1, seed=0)
    start_weights = nnkit_model().get_weights()

    model = nnkit_model(start_weights)
    t0 = time.perf_counter()
    ours = model.fit(X, y, epochs=EPOCHS, batch_size=BATCH, shuffle=False).history["loss"]
    t_nnkit = time.perf_counter() - t0

    k = keras()
    times, theirs = [], None
    for _ in range(2):  # the first run includes JIT compilation
        kmodel = to_keras(nnkit_model(start_weights))
        kmodel.compile(optimizer=k.optimizers.SGD(learning_rate=LR), loss="binary_crossentropy")
        t0 = time.perf_counter()
        theirs = kmodel.fit(X, y, epochs=EPOCHS, batch_size=BATCH, shuffle=False,
                            verbose=0).history["loss"]
        times.append(time.perf_counter() - t0)

    print(f"2-8-8-1 MLP, {len(X)} points, batch {BATCH}, SGD({LR}), {EPOCHS} epochs, "
          f"{EPOCHS * int(np.ceil(len(X) / BATCH))} steps")
    print(f"nnkit (numpy {np.__version__}):          {t_nnkit:6.2f} s  final loss {ours[-1]:.5f}")
    print(f"Keras {k.__version__} (JAX), first fit:  {times[0]:6.2f} s  (includes JIT compilation)")
    print(f"Keras {k.__version__} (JAX), second fit: {times[1]:6.2f} s  final loss {theirs[-1]:.5f}")
    print(f"Keras / nnkit wall time: {times[1] / t_nnkit:.1f}x (second fit), "
          f"{times[0] / t_nnkit:.1f}x (first)")
    print(f"largest difference between the per-epoch loss curves: "
          f"{np.max(np.abs(np.array(ours) - np.array(theirs))):.2e}")


if __name__ == "__main__":
    main()
