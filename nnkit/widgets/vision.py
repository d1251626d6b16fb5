"""Chapter 08's explorer: pick a layer and a unit (channel) of a CNN and see that
unit's feature map on an image, next to the image itself."""
import ipywidgets as W
import matplotlib.pyplot as plt
import numpy as np

from ..plot.vision import _show


def feature_map_explorer(maps, image, unit=0):
    """A menu of layers and a slider for the unit; draws the image and the chosen unit's
    feature map. ``maps`` is a dict {layer name: maps (h, w, channels)} for ``image``, as
    ``vision.feature_maps(model, layers, image)`` returns it (first image of the batch
    taken if there is a batch axis), so moving the slider does not rerun the network."""
    maps = {name: (m[0] if m.ndim == 4 else m) for name, m in maps.items()}
    if not maps:
        raise ValueError("maps must hold at least one layer. Received: {}.")
    names = list(maps)
    layer = W.Dropdown(options=names, value=names[0], description="layer")
    slider = W.IntSlider(value=unit, min=0, max=maps[names[0]].shape[-1] - 1,
                         description="unit", continuous_update=False)

    def limit(change):
        slider.max = maps[change["new"]].shape[-1] - 1

    layer.observe(limit, names="value")

    def draw(layer, unit):
        explorer_view(image, maps[layer], layer, unit)
        plt.show()

    out = W.interactive_output(draw, {"layer": layer, "unit": slider})
    return W.VBox([W.HBox([layer, slider]), out])


def explorer_view(image, maps, layer, unit):
    """What the explorer draws: the image and channel ``unit`` of ``maps`` (h, w, c)."""
    if not 0 <= unit < maps.shape[-1]:
        raise ValueError(f"unit must be in [0, {maps.shape[-1]}) for layer {layer!r}. "
                         f"Received: unit={unit}.")
    image = np.asarray(image).squeeze()
    fig, axes = plt.subplots(1, 2, figsize=(6, 3), layout="constrained")
    _show(axes[0], image, "input")
    m = maps[..., unit]
    _show(axes[1], m, f"{layer}, unit {unit} ({m.shape[0]}x{m.shape[1]})", cmap="magma")
    return fig
