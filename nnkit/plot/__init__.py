"""Figures for the book, each one line in a notebook: ``nk.plot.decision_boundary(model,
X, y)``. Every function takes ``ax=None`` (a new figure) or the axes to draw on, and
returns the axes (or the figure, for small multiples). Submodules are named for what
they draw; chapter-specific figures get a submodule of their own."""
from .animation import animation_html
from .boundary import decision_boundary, decision_line, points
from .curves import activation_curve, activation_curves, loss_curves
from .losses_study import loss_gradients, output_gradient, regression_fit, softmax_regions
from .backprop_graph import backprop_graph
from .activation_study import (activation_comparison, activation_overlay, comparison_boundaries,
                             dead_units_curves, explorer_grid, gradient_norms_by_layer)
from .hidden import (decision_boundaries, hidden_space, named_network, seed_loss_curves,
                     seed_outcomes)
from .approximation import approximations, error_vs_width, fit_animation, hidden_contributions
from .network import network
from .vision import (convolution_panels, face_predictions, gradient_features, image_grid,
                     layer_rows, overlay_grid)
from .search import (best_so_far_curves, grid_vs_random, hyperparameter_effects,
                     search_comparison, trial_locations)
from .playground import (boundary_image, colour_image, network_image, neuron_grid,
                         playground_animation, playground_grid, playground_losses,
                         playground_panel)
from .overfitting import (boundaries_vs_truth, capacity_curves, data_panels,
                          early_stopping_curves, regularization_demo, regularization_grid,
                          regularization_panel)
from .remedies import depth_experiment, penalty_sweep, remedies_comparison, weight_histograms
from .perceptron import (mistakes_per_epoch, neuron_decision, neuron_decisions, neuron_diagram,
                         perceptron_progress)
from .style import BLUE, CLASS_COLOURS, DIVERGING, GREY, ORANGE, get_ax
from .training import (batch_size_curves, convergence_stop, final_losses_by_width,
                       fits_by_seed, learning_rate_curves, loss_line, loss_plane,
                       nnkit_vs_keras)
