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
    raise NotImplementedError("move one coordinate at a time, by +h and by -h")


def gradient_error(f: Callable[[torch.Tensor], torch.Tensor], p: torch.Tensor, h: float) -> float:
    """The largest |central difference - autograd| over the entries of the gradient at p."""
    raise NotImplementedError("autograd on a copy of p, then compare")
