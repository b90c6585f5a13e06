"""Exercise 4: Plot the class boundaries in 2D.

Demo 4 drew the class regions of a trained nn.Linear. Write the two pieces yourself for
any weights (one row per class) and biases, then run `rlcourse check 2.7`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (for the plot)
import torch


def class_grid(
    weight: torch.Tensor, bias: torch.Tensor, x1: torch.Tensor, x2: torch.Tensor
) -> torch.Tensor:
    """For weight (k, 2), bias (k,) and grid coordinates x1 (a,), x2 (b,): the predicted
    class (int64) at every grid point, shape (b, a), where entry [i, j] is the class of the
    point (x1[j], x2[i]): rows go up the x2 axis, as contourf and imshow expect."""
    raise NotImplementedError("meshgrid, the logits of every grid point, argmax, reshape")


def plot_regions(
    weight: torch.Tensor, bias: torch.Tensor, x: torch.Tensor, y: torch.Tensor, path: Path
) -> None:
    """Save to ``path`` the class regions of (weight, bias) with ax.contourf over a grid
    that covers the points x (n, 2), and the points on top, one scatter call per class of
    the int64 labels y; a title, labelled axes, equal aspect and a legend naming each class."""
    raise NotImplementedError("contourf of class_grid, one scatter per class, labels, legend")
