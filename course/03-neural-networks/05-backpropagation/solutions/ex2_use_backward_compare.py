"""Exercise 2: gradients from .backward(), read through named_parameters(), and the largest
difference between two sets of gradients."""

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
    model.zero_grad()
    loss_fn(model(x), y).backward()
    gradients: dict[str, torch.Tensor] = {}
    for name, parameter in model.named_parameters():
        if parameter.grad is not None:
            gradients[name] = parameter.grad.detach().clone()
    return gradients


def largest_difference(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> float:
    """The largest |a[name] - b[name]| over every entry of every parameter; a and b must have
    the same names."""
    if a.keys() != b.keys():
        raise ValueError(f"different parameters: {sorted(a)} and {sorted(b)}")
    return max((a[name] - b[name]).abs().max().item() for name in a)
