"""Exercise 2: Use `.backward()` to compare with manual gradients.

Demo 2 compared the gradients of one network; write the two general tools: the gradients of
any model and loss by autograd, read through named_parameters() (a frozen parameter's .grad
is None), and the largest absolute difference between two sets of gradients. Fill in both,
then run `rlcourse check 3.5`.
"""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch import nn


def autograd_gradients(
    model: nn.Module,
    loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    x: torch.Tensor,
    y: torch.Tensor,
) -> dict[str, torch.Tensor]:
    """The gradient of loss_fn(model(x), y) for every parameter that receives one, by its
    name in named_parameters() ("0.weight", ...). A frozen parameter has no gradient: leave
    it out. Calling this twice must give the same answer."""
    raise NotImplementedError("zero the old gradients, backward, then read each .grad by name")


def largest_difference(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> float:
    """The largest |a[name] - b[name]| over every entry of every parameter; a and b must have
    the same names."""
    raise NotImplementedError("the largest absolute difference over all parameters")
