"""Exercise 3: one gradient norm per layer, weights and bias together, and a figure that
compares the gradient flow of several networks."""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from torch import nn


def layer_gradient_norms(model: nn.Module) -> dict[str, float]:
    """For each layer ("0", "2", ... in an nn.Sequential), the norm of all its parameters'
    gradients together: sqrt(|dL/dW|^2 + |dL/db|^2). A layer none of whose parameters has a
    gradient (a frozen one) is left out."""
    squares: dict[str, float] = {}
    for name, parameter in model.named_parameters():
        if parameter.grad is None:
            continue
        layer = name.rsplit(".", 1)[0]  # "0.weight" -> "0"
        squares[layer] = squares.get(layer, 0.0) + parameter.grad.pow(2).sum().item()
    return {layer: math.sqrt(total) for layer, total in squares.items()}


def plot_gradient_flow(norms_by_network: dict[str, dict[str, float]], path: Path) -> None:
    """One line per network: its layer norms in layer order against the layer's position
    0, 1, 2, ..., on a log scale, with a title, axis labels and a legend of the networks'
    names. Saves the figure at path."""
    figure, axes = plt.subplots(figsize=(6, 4))
    for network, norms in norms_by_network.items():
        axes.plot(range(len(norms)), list(norms.values()), marker="o", label=network)
    axes.set_yscale("log")
    axes.set_title("Gradient flow: gradient norm per layer")
    axes.set_xlabel("layer position (0 = nearest the input)")
    axes.set_ylabel("gradient norm")
    axes.legend()
    figure.savefig(path)
    plt.close(figure)
