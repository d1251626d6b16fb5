"""Chapter 04's computational graph: it shows the worked example's numbers, its gradients
agree with finite differences, and it marks the weights that differ from a reference."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import nnkit as nk  # noqa: E402
from nnkit.exercises.ch04 import worked_example_model  # noqa: E402
from nnkit.plot.backprop_graph import _forward_backward  # noqa: E402


def _texts(ax):
    return [t.get_text() for t in ax.texts]


def test_backprop_graph_shows_forward_values_and_gradients():
    model = worked_example_model()
    x, y = [[1.0, 0.5]], [[1.0]]
    ax = nk.plot.backprop_graph(model, x, y)
    texts = _texts(ax)
    for node in ["$x_1$\n1.0000", "$z^{[1]}_1$\n0.7000", "$a^{[1]}_2$\n0.5744",
                 "$z^{[2]}_1$\n0.5572", "$\\hat y$\n0.6358", "$L$\n0.4529"]:
        assert node in texts
    orange = {t.get_text(): t.get_position() for t in ax.texts
              if t.get_color() == nk.plot.ORANGE}
    # under z[2]_1 (column 3): y_hat - y; under z[1]_1 (column 1, top); under y_hat: -1/y_hat
    assert orange["-0.3642"][0] == 3 and orange["-0.0969"][0] == 1
    assert orange["-1.5728"][0] == 4 and orange["1.0000"][0] == 5
    assert len(orange) == 2 + 2 + 1 + 1 + 1  # every node but the inputs
    assert "1.2" in texts and "-0.6" in texts and "+ b = 0.1" in texts
    assert any("in orange below it" in t for t in texts)  # the key, by default
    # it leaves the model's gradients as model.backward sets them
    grads = [g.copy() for g in model.grads]
    model.backward(np.array(y), model.forward(np.array(x)))
    for a, b in zip(grads, model.grads):
        np.testing.assert_array_equal(a, b)


def test_backprop_graph_names_only():
    ax = nk.plot.backprop_graph(worked_example_model(), [1.0, 0.5], [1.0], values=False)
    texts = _texts(ax)
    assert "$w^{[1]}_{21}$" in texts and "$w^{[2]}_{11}$" in texts and "$L$" in texts
    assert not any("=" in t for t in texts)
    arrows = [t for t in ax.texts if isinstance(t, matplotlib.text.Annotation)]
    assert len(arrows) == 4 + 2 + 2 + 1 + 1  # x->z, z->a, a->z, z->y_hat, y_hat->L


def test_node_gradients_agree_with_finite_differences():
    """On a deeper, wider network than the worked example: dL/dz of each layer is dL/db,
    dL/dW is a_prev^T dL/dz, and dL/da feeds the layer above, all checked numerically."""
    model = nk.Sequential([nk.Dense(3, activation="tanh"), nk.Dense(2, activation="relu"),
                           nk.Dense(3, activation="softmax")], seed=3)
    model.build(2)
    model.compile(loss="categorical_crossentropy")
    x, y = np.array([[0.4, -1.3]]), np.array([[0.0, 1.0, 0.0]])
    vals, grads = _forward_backward(model, x, y)
    assert len(vals) == len(grads) == 1 + 2 * 3 + 1

    def loss():
        return model.compute_loss(y, model.forward(x))

    for l, layer in enumerate(model.layers):
        a_prev, dz, da = vals[2 * l], grads[2 * l + 1], grads[2 * l + 2]
        np.testing.assert_allclose(dz, nk.numerical_gradient(loss, layer.b), atol=1e-8)
        np.testing.assert_allclose(np.outer(a_prev, dz), nk.numerical_gradient(loss, layer.W),
                                   atol=1e-8)
        if l + 1 < len(model.layers):  # dL/da[l] = dL/dz[l+1] W[l+1]^T
            np.testing.assert_allclose(da, model.layers[l + 1].W @ grads[2 * l + 3], atol=1e-12)
    y_hat = vals[-2]
    shifted = [model.loss(y, y_hat + eps * np.eye(3)[k]) for eps in (1e-6, -1e-6)
               for k in range(3)]
    numeric = (np.array(shifted[:3]) - np.array(shifted[3:])) / 2e-6
    np.testing.assert_allclose(grads[-2], numeric, atol=1e-6)
    assert grads[-1] == [1.0] and vals[-1][0] == pytest.approx(loss())


def test_legend_can_be_left_out():
    ax = nk.plot.backprop_graph(worked_example_model(), [1.0, 0.5], [1.0], legend=False)
    assert not any("in orange below it" in t for t in _texts(ax))
    with_key = nk.plot.backprop_graph(worked_example_model(), [1.0, 0.5], [1.0])
    assert ax.get_ylim()[0] > with_key.get_ylim()[0]  # less room below the graph


def test_reference_marks_exactly_the_changed_weights():
    reference, model = worked_example_model(), worked_example_model()
    model.layers[1].W[0, 0] = 3.0    # w[2]_11
    model.layers[0].b[1] = -0.5      # b[1]_2
    ax = nk.plot.backprop_graph(model, [1.0, 0.5], [1.0], reference=reference)
    bold = sorted(t.get_text() for t in ax.texts if t.get_fontweight() == "bold")
    assert bold == ["+ b = -0.5", "3"]
    assert all(t.get_color() == nk.plot.BLUE for t in ax.texts if t.get_fontweight() == "bold")
    same = nk.plot.backprop_graph(reference, [1.0, 0.5], [1.0], reference=worked_example_model())
    assert not any(t.get_fontweight() == "bold" for t in same.texts)


def test_backprop_graph_rejects_bad_input():
    model = worked_example_model()
    with pytest.raises(ValueError, match=r"Received: x of shape \(3,\)"):
        nk.plot.backprop_graph(model, [1.0, 0.5, 2.0], [1.0])
    with pytest.raises(ValueError, match=r"Received: x of shape \(2, 2\), y of shape \(2, 1\)"):
        nk.plot.backprop_graph(model, [[1.0, 0.5], [0.0, 1.0]], [[1.0], [0.0]])
    with pytest.raises(TypeError, match="Sequential of Dense layers"):
        nk.plot.backprop_graph(nk.Sequential([nk.Dropout(0.5)]), [1.0], [1.0])
    bare = nk.Sequential([nk.Dense(1)])
    with pytest.raises(ValueError, match="uncompiled model"):
        nk.plot.backprop_graph(bare, [1.0], [1.0])
    other = nk.Sequential([nk.Dense(3, activation="sigmoid"), nk.Dense(1)])
    other.build(2)
    with pytest.raises(ValueError, match=r"Received: weights shaped \[\[\(2, 3\), \(3,\)\]"):
        nk.plot.backprop_graph(model, [1.0, 0.5], [1.0], reference=other)


@pytest.mark.parametrize("values", [True, False])
def test_no_label_overlaps_another(values):
    """Legible in the book's column: the node boxes, the weights, biases, activation
    names and gradients are drawn apart, none on top of another (edge labels sit on
    their arrows, which is what their white background is for)."""
    model = worked_example_model()
    model.layers[1].W[0, 0] = -3.0  # a changed weight is drawn larger, in bold
    ax = nk.plot.backprop_graph(model, [1.0, 0.5], [1.0], values=values,
                                reference=worked_example_model())
    fig = ax.figure
    # The book's column is about 7 inches wide: a wider figure is shrunk to fit, and so
    # are its letters. At most 8.4 inches and 10 pt, no text ends up much below 8 pt.
    assert fig.get_size_inches()[0] <= 8.4
    assert min(t.get_fontsize() for t in ax.texts if t.get_text()) >= 10
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = []
    for t in ax.texts:
        if not t.get_text():  # the arrows are empty annotations
            continue
        patch = t.get_bbox_patch()
        box = patch.get_window_extent(renderer) if patch is not None else \
            t.get_window_extent(renderer)
        boxes.append((t.get_text(), box))
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1:]:
            assert not box_a.overlaps(box_b), f"{a!r} overlaps {b!r}"
