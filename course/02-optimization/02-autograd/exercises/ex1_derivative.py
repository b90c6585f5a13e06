"""Exercise 1: Mark a tensor as `requires_grad=True` and compute gradients.

Write a function that returns the derivative of any function f at a point, by autograd.
"""

from __future__ import annotations

from collections.abc import Callable

import torch


def derivative(f: Callable[[torch.Tensor], torch.Tensor], x_value: float) -> float:
    """f'(x_value), computed by autograd in float64. f maps a scalar tensor to a scalar tensor."""
    raise NotImplementedError("a float64 leaf that requires grad, f of it, backward, x.grad")
