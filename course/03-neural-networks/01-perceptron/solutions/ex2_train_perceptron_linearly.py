"""Exercise 2: train the perceptron until an epoch makes no mistake."""

from __future__ import annotations

import torch


def train_until_separated(
    points: torch.Tensor, labels: torch.Tensor, max_epochs: int
) -> tuple[torch.Tensor, list[int]]:
    """points (n, 2), labels (n,) of +-1.0. Start from w = 0 (3,), bias last, and pass
    over the points in order, updating on every mistake (y w.x~ <= 0), until an epoch
    makes no mistake or max_epochs have run. Returns the weights (3,) and the number of
    mistakes of each epoch."""
    xs = torch.cat([points, torch.ones(len(points), 1)], dim=1)  # (n, 3)
    weights = torch.zeros(3)
    mistakes: list[int] = []
    for _ in range(max_epochs):
        count = 0
        for x, y in zip(xs, labels.tolist(), strict=True):
            if y * torch.dot(weights, x).item() <= 0:
                weights = weights + y * x
                count += 1
        mistakes.append(count)
        if count == 0:
            break
    return weights, mistakes
