"""Exercise 4: Plot decision boundary and accuracy.

Demo 4 drew the boundary of a trained nn.Linear. Write the two pieces yourself for any
weights w = (w1, w2) and bias b, then run `rlcourse check 2.6`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import torch


def accuracy(logits: torch.Tensor, y: torch.Tensor) -> float:
    """The share of the n points whose predicted class (1 where the logit is above 0, that
    is p above 0.5) equals the label y (floats 0.0 and 1.0), as a Python float."""
    predicted = (logits > 0).float()
    return (predicted == y).float().mean().item()


def plot_boundary(w: torch.Tensor, b: float, x: torch.Tensor, y: torch.Tensor, path: Path) -> None:
    """Save to ``path`` a scatter plot of the points x (n, 2), one scatter call per class,
    with the line w1 x1 + w2 x2 + b = 0 drawn across them (w2 is not 0), a title, labelled
    axes, equal aspect and a legend naming both classes and the boundary."""
    fig, ax = plt.subplots(figsize=(5.5, 5))
    for label in (0, 1):
        rows = y == label
        ax.scatter(x[rows, 0], x[rows, 1], s=12, label=f"class {label}")
    x1 = torch.linspace(x[:, 0].min().item(), x[:, 0].max().item(), 50)
    x2 = -(w[0] * x1 + b) / w[1]  # solve w1 x1 + w2 x2 + b = 0 for x2
    ax.plot(x1, x2, color="black", label="decision boundary")
    ax.set_aspect("equal")
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title("Decision boundary")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)
