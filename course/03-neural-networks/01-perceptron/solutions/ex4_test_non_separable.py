"""Exercise 4: the pocket perceptron on data that no line separates."""

from __future__ import annotations

import torch


def count_errors(weights: torch.Tensor, xs: torch.Tensor, ys: torch.Tensor) -> int:
    """Given: how many augmented points xs (n, 3) are on the wrong side or on the line."""
    return int((ys * (xs @ weights) <= 0).sum().item())


def pocket(points: torch.Tensor, labels: torch.Tensor, epochs: int) -> tuple[torch.Tensor, int]:
    """The perceptron from w = 0 for ``epochs`` passes over points (n, 2) with labels
    (n,) of +-1.0, keeping "in its pocket" a copy of the weights with the fewest training
    errors seen after any update (w = 0 to start). Returns those weights (3,) and their
    number of errors."""
    xs = torch.cat([points, torch.ones(len(points), 1)], dim=1)
    weights = torch.zeros(3)
    best, best_errors = weights.clone(), count_errors(weights, xs, labels)
    for _ in range(epochs):
        for x, y in zip(xs, labels.tolist(), strict=True):
            if y * torch.dot(weights, x).item() <= 0:
                weights += y * x  # in place: the pocket must hold a copy
                errors_now = count_errors(weights, xs, labels)
                if errors_now < best_errors:
                    best, best_errors = weights.clone(), errors_now
    return best, best_errors
