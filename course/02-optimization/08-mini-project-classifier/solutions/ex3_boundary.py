"""Exercise 3: Visualize the learned decision boundary.

Demo 3 drew the probability of class 1 and the boundary p = 0.5 of two models. Write
both pieces yourself for any model with two logits, then run `rlcourse check 2.8`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import torch
from torch import nn


def probability_grid(model: nn.Module, x1: torch.Tensor, x2: torch.Tensor) -> torch.Tensor:
    """The model's probability of class 1 (the softmax of its two logits, column 1) at
    every point of the grid x1 (a,) by x2 (b,): shape (b, a), entry [i, j] at the point
    (x1[j], x2[i])."""
    grid_x1, grid_x2 = torch.meshgrid(x1, x2, indexing="xy")  # (b, a) each
    points = torch.stack([grid_x1.flatten(), grid_x2.flatten()], dim=1)  # (a b, 2)
    with torch.no_grad():
        probabilities = torch.softmax(model(points), dim=1)  # (a b, 2)
    return probabilities[:, 1].reshape(grid_x1.shape)


def plot_boundary(model: nn.Module, x: torch.Tensor, y: torch.Tensor, path: Path) -> None:
    """Save to ``path`` the probability of class 1 with ax.contourf over a grid covering the
    points x (n, 2), the boundary p = 0.5 with ax.contour, and the points on top, one
    scatter call per class of the int64 labels y; a title, labelled axes, equal aspect and
    a legend naming both classes."""
    x1 = torch.linspace(x[:, 0].min().item() - 0.5, x[:, 0].max().item() + 0.5, 150)
    x2 = torch.linspace(x[:, 1].min().item() - 0.5, x[:, 1].max().item() + 0.5, 120)
    p1 = probability_grid(model, x1, x2)
    fig, ax = plt.subplots(figsize=(6, 4.5))
    ax.contourf(x1, x2, p1, levels=10, cmap="coolwarm", alpha=0.4)
    ax.contour(x1, x2, p1, levels=[0.5], colors="black")
    for label in (0, 1):
        rows = y == label
        ax.scatter(x[rows, 0], x[rows, 1], s=12, label=f"class {label}")
    ax.set_aspect("equal")
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title("Decision boundary (p = 0.5)")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)
