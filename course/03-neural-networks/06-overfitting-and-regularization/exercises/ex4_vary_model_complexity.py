"""Exercise 4: Vary model complexity and record accuracy.

Write the three pieces of Demo 4's table: the size of a model, its accuracy, and a sweep over
widths. Fill in the three functions, then run `rlcourse check 3.6`.
"""

from __future__ import annotations

import torch
from torch import nn

Data = tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]  # x, y, x_test, y_test


def count_parameters(model: nn.Module) -> int:
    """How many numbers the model learns: every entry of every parameter."""
    raise NotImplementedError("p.numel() for every parameter")


def accuracy(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    """The fraction of rows whose logit has the label's side: logit > 0 predicts 1.0."""
    raise NotImplementedError("compare (logits > 0) with the labels")


def complexity_sweep(
    widths: list[int], data: Data, epochs: int, lr: float, seed: int
) -> list[tuple[int, float, float]]:
    """For each width: torch.manual_seed(seed), then mlp(2, [width, width], 1) trained on (x, y)
    by fit with full-batch Adam(lr) for ``epochs``; record (parameters, training accuracy,
    test accuracy)."""
    raise NotImplementedError(
        "rlcourse.networks.mlp and rlcourse.training.fit, one width at a time"
    )
