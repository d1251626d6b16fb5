"""Chapter 04's computational graph: a small network of Dense layers on one example, each
node with its value from the forward pass and its gradient dL/d(node) from the backward
pass, each edge with its weight."""
import numpy as np

from .style import BLUE, ORANGE, get_ax

__all__ = ["backprop_graph"]


def _graph_nodes(model):
    """Node names, one column per stage: x, then z and a for each layer, then L."""
    sizes = [model.layers[0].input_dim] + [layer.units for layer in model.layers]
    last = len(model.layers)
    cols = [[f"$x_{i + 1}$" for i in range(sizes[0])]]
    for l in range(1, last + 1):
        cols.append([f"$z^{{[{l}]}}_{j + 1}$" for j in range(sizes[l])])
        if l == last and sizes[l] == 1:
            cols.append(["$\\hat y$"])
        else:
            cols.append([f"$a^{{[{l}]}}_{j + 1}$" for j in range(sizes[l])])
    cols.append(["$L$"])
    return cols


def _check(model, x, y, reference):
    from ..layers import Dense

    layers = getattr(model, "layers", None)
    if not layers or not all(isinstance(layer, Dense) for layer in layers):
        raise TypeError("backprop_graph draws a Sequential of Dense layers. Received: "
                        f"{model!r}.")
    if getattr(model, "loss", None) is None:
        raise ValueError("backprop_graph needs a compiled model (it uses the model's loss). "
                         "Received: an uncompiled model.")
    x_in, y_in = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    x, y = x_in.reshape(1, -1), y_in.reshape(1, -1)
    if not model.built:
        model.build(x.shape[1])
    if x.shape[1] != model.input_dim or y.shape[1] != model.layers[-1].units:
        raise ValueError(f"x must be one example with {model.input_dim} features and y one "
                         f"target row with {model.layers[-1].units} entries. Received: x of "
                         f"shape {x_in.shape}, y of shape {y_in.shape}.")
    if reference is not None:
        shapes = [[p.shape for p in layer.params] for layer in model.layers]
        theirs = [[np.shape(p) for p in getattr(layer, "params", [])]
                  for layer in getattr(reference, "layers", [])]
        if theirs != shapes:
            raise ValueError("reference must be a model with weights shaped like the "
                             f"model's, {shapes}. Received: weights shaped {theirs}.")
    return x, y


def _forward_backward(model, x, y):
    """Each node's value and dL/d(node), column by column as ``_graph_nodes`` names them."""
    vals, grads = [x[0]], [None]
    y_hat = model.forward(x)
    loss = model.compute_loss(y, y_hat)
    # dL/da of each layer's output: the loss gradient at the top, then what each
    # layer's backward returns for the layer below it; dL/dz by the activation's rule.
    da = model.loss.gradient(y, y_hat)
    layer_grads = []
    for layer in reversed(model.layers):
        dz = layer.activation.backward(layer.z, layer.a, da)
        layer_grads.append((dz[0], da[0]))
        da = layer.backward(da)
    model.backward(y, y_hat)  # leave layer.grads as the model's own backward pass sets them
    for layer, (dz, da) in zip(model.layers, reversed(layer_grads)):
        vals += [layer.z[0], layer.a[0]]
        grads += [dz, da]
    vals.append(np.array([loss]))
    grads.append(np.array([1.0]))
    return vals, grads


def backprop_graph(model, x, y, values=True, ax=None, legend=True, reference=None):
    """The computational graph of a small compiled ``Sequential`` of Dense layers on one
    example: inputs, each layer's pre-activations z and activations a, and the loss L.
    Edges carry the weights (their names with ``values=False``).

    With ``values=True`` each node shows its value from the forward pass (black) and
    below it, in orange, dL/d(node) from nnkit's backward pass; a weight's gradient is
    the value at its left end times the orange number at its right end. ``legend``
    writes that key under the graph. With ``reference`` (a model with weights of the
    same shapes), the weights and biases that differ from the reference's are drawn in
    bold blue. Returns ax.
    """
    x, y = _check(model, x, y, reference)
    cols = _graph_nodes(model)
    vals, grads = _forward_backward(model, x, y)
    # changed[l][k][where]: does entry `where` of layer l's params[k] (W, then b) differ?
    other = reference if reference is not None else model
    changed = [[~np.isclose(p, q, rtol=0, atol=1e-9)
                for p, q in zip(mine.params, theirs.params)]
               for mine, theirs in zip(model.layers, other.layers)]

    def weight_style(l, k, where, base, fc="none", size=11):  # bold blue where it differs
        if k < len(changed[l]) and changed[l][k][where]:
            return dict(color=BLUE, fontweight="bold", fontsize=size + 2,
                        bbox=dict(boxstyle="round,pad=0.12", fc="#dcebf7", ec="none"))
        return dict(color=base, fontsize=size,
                    bbox=dict(boxstyle="round,pad=0.12", fc=fc, ec="none"))

    ax = get_ax(ax, figsize=(1.3 * len(cols) + 0.4, 1.4 * max(len(c) for c in cols) + 1.4))
    step = 1.9
    pos = [[(c, step * ((len(col) - 1) / 2 - r)) for r in range(len(col))]
           for c, col in enumerate(cols)]
    boxes = []  # the nodes first, so that the arrows can end at their edges
    for c, col in enumerate(cols):
        boxes.append([])
        for r, ((px, py), name) in enumerate(zip(pos[c], col)):
            text = name + (f"\n{vals[c][r]:.4f}" if values else "")
            box = ax.text(px, py, text, ha="center", va="center", fontsize=13, zorder=4,
                          linespacing=1.3,
                          bbox=dict(boxstyle="round,pad=0.3", fc="#f2f2f2", ec="k", lw=0.8))
            boxes[c].append(box)
            if values and grads[c] is not None:
                ax.text(px, py - 0.66, f"{grads[c][r]:.4f}", ha="center", va="center",
                        fontsize=12.5, color=ORANGE, zorder=4)
            if c % 2 == 1 and c < len(cols) - 1:  # a z node: show its bias
                layer = model.layers[c // 2]
                b = layer.b[r] if layer.use_bias else 0.0
                label = f"+ b = {b:.2g}" if values else f"+ $b^{{[{c // 2 + 1}]}}_{r + 1}$"
                ax.text(px, py + (0.66 if values else 0.48), label, ha="center",
                        va="center", **weight_style(c // 2, 1, r, "0.35"))
    if values and legend:
        ax.text(-0.45, -step * (max(len(c) for c in cols) - 1) / 2 - 1.15,
                "in each box: a node and its value in the forward pass\n"
                "in orange below it: $\\partial L/\\partial$(node) from the backward pass",
                fontsize=12, color="0.3", va="center", linespacing=1.4)
    for c in range(len(cols) - 1):
        for r0, p0 in enumerate(pos[c]):
            for r1, p1 in enumerate(pos[c + 1]):
                dense = c % 2 == 0 and c + 1 < len(cols) - 1  # a (or x) -> z: a weight
                if not dense and c + 1 < len(cols) - 1 and r0 != r1:
                    continue  # z_j -> a_j: elementwise, one edge per unit
                # Drawn after the boxes (higher zorder), so that each arrow is clipped
                # to where its boxes are in this drawing, not in the previous one.
                ax.annotate("", xy=p1, xytext=p0, zorder=5, arrowprops=dict(
                    arrowstyle="-|>", color="0.55", lw=1, shrinkA=1, shrinkB=1,
                    patchA=boxes[c][r0].get_bbox_patch(),
                    patchB=boxes[c + 1][r1].get_bbox_patch()))
                if dense:
                    layer = model.layers[c // 2]
                    crossing = r0 != r1 and len(pos[c + 1]) > 1
                    t = 0.36 if crossing else 0.5  # crossing edges: labels apart
                    label = (f"{layer.W[r0, r1]:.2g}" if values else
                             f"$w^{{[{c // 2 + 1}]}}_{{{r0 + 1}{r1 + 1}}}$")
                    ax.text(p0[0] + t * (p1[0] - p0[0]), p0[1] + t * (p1[1] - p0[1]), label,
                            ha="center", va="center", zorder=6,
                            **weight_style(c // 2, 0, (r0, r1), "0.2", fc="white"))
                elif c + 1 < len(cols) - 1:
                    name = model.layers[c // 2].activation.name
                    # above the arrow, clear of the boxes, so that columns can be close
                    ax.text((p0[0] + p1[0]) / 2, p0[1] + 0.33, name, fontsize=10.5,
                            ha="center", va="bottom", color="0.35")
    ax.set_xlim(-0.6, len(cols) - 0.4)
    span = step * (max(len(c) for c in cols) - 1) / 2
    ax.set_ylim(-span - ((1.45 if legend else 0.9) if values else 0.5), span + 0.8)
    ax.axis("off")
    return ax
