"""Exercise 4: Manually verify PyTorch's computed gradients for a small example.

Estimate a gradient by central finite differences, and measure how far autograd's answer
is from the estimate.
"""

from __future__ import annotations

from collections.abc import Callable

import torch


def central_difference_gradient(
    f: Callable[[torch.Tensor], torch.Tensor], p: torch.Tensor, h: float
) -> torch.Tensor:
    """(f(p + h e_i) - f(p - h e_i)) / (2h) for each i, shape of p (float64, 1-D).

    e_i is the vector with 1 in entry i and 0 elsewhere; p itself is left unchanged."""
    estimate = torch.zeros_like(p)
    for i in range(p.numel()):
        step = torch.zeros_like(p)
        step[i] = h
        estimate[i] = (f(p + step) - f(p - step)) / (2 * h)
    return estimate


def gradient_error(f: Callable[[torch.Tensor], torch.Tensor], p: torch.Tensor, h: float) -> float:
    """The largest |central difference - autograd| over the entries of the gradient at p."""
    leaf = p.detach().clone().requires_grad_(True)
    f(leaf).backward()
    assert leaf.grad is not None
    return (central_difference_gradient(f, p, h) - leaf.grad).abs().max().item()
