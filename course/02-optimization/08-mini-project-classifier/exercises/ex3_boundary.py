"""Exercise 3: Visualize the learned decision boundary.

Demo 3 drew the probability of class 1 and the boundary p = 0.5 of two models. Write
both pieces yourself for any model with two logits, then run `rlcourse check 2.8`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (for the plot)
import torch
from torch import nn


def probability_grid(model: nn.Module, x1: torch.Tensor, x2: torch.Tensor) -> torch.Tensor:
    """The model's probability of class 1 (the softmax of its two logits, column 1) at
    every point of the grid x1 (a,) by x2 (b,): shape (b, a), entry [i, j] at the point
    (x1[j], x2[i])."""
    raise NotImplementedError("meshgrid, softmax of the logits at every grid point, reshape")


def plot_boundary(model: nn.Module, x: torch.Tensor, y: torch.Tensor, path: Path) -> None:
    """Save to ``path`` the probability of class 1 with ax.contourf over a grid covering the
    points x (n, 2), the boundary p = 0.5 with ax.contour, and the points on top, one
    scatter call per class of the int64 labels y; a title, labelled axes, equal aspect and
    a legend naming both classes."""
    raise NotImplementedError("contourf of the probabilities, the 0.5 contour, the points")
