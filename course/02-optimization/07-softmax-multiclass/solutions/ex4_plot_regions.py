"""Exercise 4: Plot the class boundaries in 2D.

Demo 4 drew the class regions of a trained nn.Linear. Write the two pieces yourself for
any weights (one row per class) and biases, then run `rlcourse check 2.7`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import torch


def class_grid(
    weight: torch.Tensor, bias: torch.Tensor, x1: torch.Tensor, x2: torch.Tensor
) -> torch.Tensor:
    """For weight (k, 2), bias (k,) and grid coordinates x1 (a,), x2 (b,): the predicted
    class (int64) at every grid point, shape (b, a), where entry [i, j] is the class of the
    point (x1[j], x2[i]): rows go up the x2 axis, as contourf and imshow expect."""
    grid_x1, grid_x2 = torch.meshgrid(x1, x2, indexing="xy")  # (b, a) each
    points = torch.stack([grid_x1.flatten(), grid_x2.flatten()], dim=1)  # (a b, 2)
    logits = points @ weight.T + bias  # (a b, k)
    return logits.argmax(dim=1).reshape(grid_x1.shape)


def plot_regions(
    weight: torch.Tensor, bias: torch.Tensor, x: torch.Tensor, y: torch.Tensor, path: Path
) -> None:
    """Save to ``path`` the class regions of (weight, bias) with ax.contourf over a grid
    that covers the points x (n, 2), and the points on top, one scatter call per class of
    the int64 labels y; a title, labelled axes, equal aspect and a legend naming each class."""
    k = len(weight)
    x1 = torch.linspace(x[:, 0].min().item() - 1, x[:, 0].max().item() + 1, 120)
    x2 = torch.linspace(x[:, 1].min().item() - 1, x[:, 1].max().item() + 1, 100)
    classes = class_grid(weight, bias, x1, x2)
    fig, ax = plt.subplots(figsize=(5.5, 5))
    levels = [label - 0.5 for label in range(k + 1)]
    ax.contourf(x1, x2, classes, levels=levels, colors=[f"C{c}" for c in range(k)], alpha=0.2)
    for label in range(k):
        rows = y == label
        ax.scatter(x[rows, 0], x[rows, 1], s=12, color=f"C{label}", label=f"class {label}")
    ax.set_aspect("equal")
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title("Class regions")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)
