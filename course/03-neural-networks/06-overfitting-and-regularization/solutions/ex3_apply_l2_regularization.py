"""Exercise 3: the L2 penalty of a model's weights, and a loss function that adds it."""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch import nn


def l2_penalty(model: nn.Module) -> torch.Tensor:
    """The sum of the squares of every weight of ``model`` (every parameter whose name ends in
    "weight"), biases left out: a scalar tensor that autograd can differentiate."""
    squares = [(p**2).sum() for name, p in model.named_parameters() if name.endswith("weight")]
    return torch.stack(squares).sum()


def regularised_loss(
    model: nn.Module, penalty: float
) -> Callable[[torch.Tensor, torch.Tensor], torch.Tensor]:
    """A loss function for ``fit``: (logits, targets) -> mean binary cross-entropy
    + penalty * l2_penalty(model)."""

    def loss_fn(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
        bce = nn.functional.binary_cross_entropy_with_logits(logits, targets)
        return bce + penalty * l2_penalty(model)

    return loss_fn
