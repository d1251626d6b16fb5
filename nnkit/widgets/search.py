"""Chapter 07's explorer: choose a search method and a budget; the search runs on the
chapter's objective and the figure shows where its trials landed and its best score so
far. Its static companion is ``nnkit.plot.search_comparison`` (plus
``best_so_far_curves``), drawn from the same searches."""
import ipywidgets as W
import matplotlib.pyplot as plt

from .. import search
from ..plot.search import best_so_far_curves, trial_locations

METHODS = ("grid", "random", "bayesian")


def budgets_for(space, largest=64):
    """The budgets a grid can use on ``space``: k ** d trials, k = 2, 3, ..."""
    d, out, k = len(space), [], 2
    while k ** d <= largest:
        out.append(k ** d)
        k += 1
    return out or [2 ** d]


def run_search(objective, space, method, budget, seed=0):
    """One search with ``method`` ("grid", "random" or "bayesian") and ``budget`` trials."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}. Received: method={method!r}")
    if method == "grid":
        return search.grid_search(objective, space, budget)
    run = search.random_search if method == "random" else search.bayesian_search
    return run(objective, space, budget, seed=seed)


def search_explorer(objective, space, method="random", budget=None, seed=0, x=None, y=None):
    """A dropdown for the method, a slider for the budget (grid-sized: k ** d trials)
    and one for the search seed. Each change reruns the search on ``objective`` and
    redraws the trials in the (x, y) plane and the best-so-far curve. Returns the widget."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}. Received: method={method!r}")
    options = budgets_for(space)
    budget = options[min(1, len(options) - 1)] if budget is None else budget
    if budget not in options:
        raise ValueError(f"budget must be one of {options} (k ** {len(space)} trials, so the "
                         f"grid fits). Received: budget={budget!r}")
    style = {"description_width": "initial"}
    controls = {
        "method": W.Dropdown(options=METHODS, value=method, description="method"),
        "budget": W.SelectionSlider(options=options, value=budget, description="trials",
                                    continuous_update=False, style=style),
        "seed": W.IntSlider(value=seed, min=0, max=9, description="search seed",
                            continuous_update=False, style=style),
    }

    def draw(method, budget, seed):
        result = run_search(objective, space, method, budget, seed)
        fig, axes = plt.subplots(1, 2, figsize=(9, 3.6), layout="constrained")
        trial_locations(result, x, y, ax=axes[0], surrogate=False)
        best_so_far_curves({method: [result]}, ax=axes[1])
        plt.show()

    out = W.interactive_output(draw, controls)
    return W.VBox([W.HBox(list(controls.values())), out])
