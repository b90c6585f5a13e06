"""Exercise 2: Visualize the optimization path on a 2D plot.

The bowl g(x) = (x_0 - 1)^2 + 4 (x_1 + 0.5)^2 has its minimum at (1, -0.5). Write its
gradient, then draw a descent path over its contour plot.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401  (you will need it)
import torch

MINIMUM = (1.0, -0.5)


def gradient_descent(
    gradient: Callable[[torch.Tensor], torch.Tensor], x0: torch.Tensor, alpha: float, steps: int
) -> torch.Tensor:
    """Given (the loop of Demo 2): the path x_0, ..., x_steps as rows, shape (steps + 1, n)."""
    path = [x0]
    for _ in range(steps):
        path.append(path[-1] - alpha * gradient(path[-1]))
    return torch.stack(path)


def shifted_bowl(x: torch.Tensor) -> torch.Tensor:
    """Given: g(x) = (x_0 - 1)^2 + 4 (x_1 + 0.5)^2 over the last axis, shape (..., 2) -> (...)."""
    return (x[..., 0] - 1.0) ** 2 + 4.0 * (x[..., 1] + 0.5) ** 2


def shifted_bowl_gradient(x: torch.Tensor) -> torch.Tensor:
    """grad g(x) for x of shape (2,): the two partial derivatives, shape (2,)."""
    raise NotImplementedError("the partial derivatives of g, stacked")


def plot_path(path: torch.Tensor, file: Path) -> None:
    """Save at ``file`` the contours of g over [-3, 3] x [-3, 3] (ax.contour on a grid), the
    path (rows of ``path``, shape (k, 2)) as a line labelled "path", the minimum as a
    point labelled "minimum", equal units on both axes, axis names, a legend and a title."""
    raise NotImplementedError("contour, plot the path and the minimum, labels, savefig")
