"""Exercise 2: Calculate gradients for a multi-variable function.

f(x, y) = x^2 y + y^3: its gradient by hand, and the gradient of any function of a vector
by autograd.
"""

from __future__ import annotations

from collections.abc import Callable

import torch


def hand_gradient(x: float, y: float) -> tuple[float, float]:
    """(df/dx, df/dy) of f(x, y) = x^2 y + y^3, differentiated by hand."""
    raise NotImplementedError("one partial derivative per variable, the other held fixed")


def autograd_gradient(
    f: Callable[[torch.Tensor], torch.Tensor], point: torch.Tensor
) -> torch.Tensor:
    """The gradient of f (a function of a (n,) tensor, returning a scalar) at ``point``,
    shape (n,), by autograd. ``point`` itself is left as it was (no requires_grad, no grad)."""
    raise NotImplementedError("a copy of point that requires grad, f of it, backward")
