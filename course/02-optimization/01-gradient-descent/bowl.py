"""The running example of Part 2.1, shared by its demos: the quadratic bowl
f(x) = 1/2 (a_0 x_0^2 + a_1 x_1^2), its gradient, the gradient-descent loop on tensors, and
its contour plot."""

from __future__ import annotations

from collections.abc import Callable

import torch
from matplotlib.axes import Axes

# The curvatures a_i of the bowl: 10 times steeper along x_1 than along x_0, so L = 10.
CURVATURES = torch.tensor([1.0, 10.0])
START = torch.tensor([-4.0, 1.5])  # where every run on the bowl starts


def bowl(x: torch.Tensor) -> torch.Tensor:
    """f(x) = 1/2 sum_i a_i x_i^2 over the last axis: shape (..., 2) in, (...) out."""
    return 0.5 * (CURVATURES * x**2).sum(dim=-1)


# --8<-- [start:loop]
def bowl_gradient(x: torch.Tensor) -> torch.Tensor:
    """grad f(x) = (a_0 x_0, a_1 x_1): each partial derivative of 1/2 a_i x_i^2 is a_i x_i."""
    return CURVATURES * x


def gradient_descent(
    gradient: Callable[[torch.Tensor], torch.Tensor], x0: torch.Tensor, alpha: float, steps: int
) -> torch.Tensor:
    """x_{k+1} = x_k - alpha * grad f(x_k), from x0 of shape (n,).

    Returns the path, shape (steps + 1, n): row k is x_k, row 0 is x0.
    """
    path = [x0]
    x = x0
    for _ in range(steps):
        x = x - alpha * gradient(x)  # a new tensor each step: path keeps every x_k
        path.append(x)
    return torch.stack(path)


# --8<-- [end:loop]


def draw_contours(ax: Axes, limit: float) -> None:
    """Level curves of the bowl over [-limit, limit]^2, equal units on both axes."""
    grid = torch.linspace(-limit, limit, 201)
    x0, x1 = torch.meshgrid(grid, grid, indexing="xy")  # x0[i, j] = grid[j], x1[i, j] = grid[i]
    values = bowl(torch.stack([x0, x1], dim=-1))
    levels = [0.1, 0.5, 1, 2, 4, 8, 16, 32]
    contours = ax.contour(x0, x1, values, levels=levels, colors="gray", linewidths=0.8)
    ax.clabel(contours, fontsize=7)
    ax.set_aspect("equal")
    ax.set_xlabel("$x_0$")
    ax.set_ylabel("$x_1$")
