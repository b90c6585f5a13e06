"""Exercise 4: a model's size, its accuracy, and a sweep over widths that records both."""

from __future__ import annotations

import torch
from torch import nn

from rlcourse.networks import mlp
from rlcourse.training import fit

Data = tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]  # x, y, x_test, y_test


def count_parameters(model: nn.Module) -> int:
    """How many numbers the model learns: every entry of every parameter."""
    return sum(p.numel() for p in model.parameters())


def accuracy(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    """The fraction of rows whose logit has the label's side: logit > 0 predicts 1.0."""
    with torch.no_grad():
        predictions = (model(x) > 0).float()
    return (predictions == y).float().mean().item()


def complexity_sweep(
    widths: list[int], data: Data, epochs: int, lr: float, seed: int
) -> list[tuple[int, float, float]]:
    """For each width: torch.manual_seed(seed), then mlp(2, [width, width], 1) trained on (x, y)
    by fit with full-batch Adam(lr) for ``epochs``; record (parameters, training accuracy,
    test accuracy)."""
    x, y, x_test, y_test = data
    rows = []
    for width in widths:
        torch.manual_seed(seed)
        model = mlp(2, [width, width], 1)
        optimizer = torch.optim.Adam(model.parameters(), lr=lr)
        fit(model, nn.BCEWithLogitsLoss(), optimizer, x, y, epochs)
        rows.append(
            (count_parameters(model), accuracy(model, x, y), accuracy(model, x_test, y_test))
        )
    return rows
