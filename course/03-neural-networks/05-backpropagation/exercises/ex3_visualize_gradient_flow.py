"""Exercise 3: Visualize gradient flow in the network.

Demo 3 read the weights' gradient norms with rlcourse.networks.gradient_norms. Here you count a
layer's weights and bias together, and draw several networks on one figure. Fill in both
functions, then run `rlcourse check 3.5`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
from torch import nn


def layer_gradient_norms(model: nn.Module) -> dict[str, float]:
    """For each layer ("0", "2", ... in an nn.Sequential), the norm of all its parameters'
    gradients together: sqrt(|dL/dW|^2 + |dL/db|^2). A layer none of whose parameters has a
    gradient (a frozen one) is left out."""
    raise NotImplementedError("named_parameters(), skip a .grad of None, group by the layer name")


def plot_gradient_flow(norms_by_network: dict[str, dict[str, float]], path: Path) -> None:
    """One line per network: its layer norms in layer order against the layer's position
    0, 1, 2, ..., on a log scale, with a title, axis labels and a legend of the networks'
    names. Saves the figure at path."""
    raise NotImplementedError("one ax.plot per network, ax.set_yscale('log'), labels, legend")
