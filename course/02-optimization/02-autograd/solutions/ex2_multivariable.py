"""Exercise 2: Calculate gradients for a multi-variable function.

f(x, y) = x^2 y + y^3: its gradient by hand, and the gradient of any function of a vector
by autograd.
"""

from __future__ import annotations

from collections.abc import Callable

import torch


def hand_gradient(x: float, y: float) -> tuple[float, float]:
    """(df/dx, df/dy) of f(x, y) = x^2 y + y^3, differentiated by hand."""
    return 2 * x * y, x**2 + 3 * y**2


def autograd_gradient(
    f: Callable[[torch.Tensor], torch.Tensor], point: torch.Tensor
) -> torch.Tensor:
    """The gradient of f (a function of a (n,) tensor, returning a scalar) at ``point``,
    shape (n,), by autograd. ``point`` itself is left as it was (no requires_grad, no grad)."""
    p = point.detach().clone().requires_grad_(True)
    f(p).backward()
    assert p.grad is not None
    return p.grad
