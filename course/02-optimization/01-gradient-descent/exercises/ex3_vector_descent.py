"""Exercise 3: Use vector gradient descent on f(x) = ||x - c||^2.

The squared distance to a target c, f(x) = (x_0 - c_0)^2 + ... + (x_{n-1} - c_{n-1})^2,
is ||x||^2 moved so that its minimum is at c.
"""

from __future__ import annotations

import torch


def distance_gradient(x: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """grad f(x) for f(x) = ||x - target||^2; x and target of shape (n,), result (n,)."""
    raise NotImplementedError("one partial derivative per entry, all at once")


def descend_to_target(
    x0: torch.Tensor, target: torch.Tensor, alpha: float, steps: int
) -> torch.Tensor:
    """Gradient descent on ||x - target||^2 from x0 (shape (n,)), x0 left unchanged.

    Returns the path, shape (steps + 1, n): row k is x_k, row 0 is x0.
    """
    raise NotImplementedError("the update of Demo 3, with distance_gradient, rows stacked")
