"""Exercise 4: Evaluate model accuracy and plot misclassified points.

Demo 4 measured the accuracy on held-out points and circled the ones the network got
wrong. Write the three pieces yourself for any model with one logit per class, then run
`rlcourse check 2.8`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import torch
from torch import nn


def misclassified(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """A boolean tensor of shape (n,), True where the model's predicted class (its largest
    logit) differs from the label y."""
    with torch.no_grad():
        predicted = model(x).argmax(dim=1)  # (n,)
    return predicted != y


def accuracy(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    """The share of the n points the model classifies correctly, a float in [0, 1]."""
    return 1.0 - misclassified(model, x, y).float().mean().item()


def plot_misclassified(model: nn.Module, x: torch.Tensor, y: torch.Tensor, path: Path) -> None:
    """Save to ``path`` the points x (n, 2) coloured by their true label, one scatter call
    per class, and one more scatter call holding exactly the misclassified points (drawn
    as rings around them), with a title, labelled axes and a legend naming all three."""
    wrong = misclassified(model, x, y)
    fig, ax = plt.subplots(figsize=(6, 4.5))
    for label in (0, 1):
        rows = y == label
        ax.scatter(x[rows, 0], x[rows, 1], s=14, label=f"class {label}")
    ax.scatter(
        x[wrong, 0], x[wrong, 1], s=100, facecolors="none", edgecolors="red", label="misclassified"
    )
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title(f"{int(wrong.sum())} misclassified of {len(y)}")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)
