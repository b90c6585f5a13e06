"""Exercise 1: the perceptron update rule for labels 0 and 1."""

from __future__ import annotations

import torch


def update(weights: torch.Tensor, x: torch.Tensor, label: int) -> torch.Tensor:
    """One perceptron step. weights (d + 1,), bias last; x (d,) one point, not augmented;
    label 0 or 1. Returns the new weights (d + 1,): unchanged when the point is strictly
    on its side, else w + y x~ with y = +1 for label 1 and -1 for label 0."""
    x_aug = torch.cat([x, torch.ones(1)])  # x~ = (x, 1): the bias is the last weight
    y = 2.0 * label - 1.0  # labels 0, 1 -> -1, +1
    if y * torch.dot(weights, x_aug).item() <= 0:  # on the line counts as a mistake
        return weights + y * x_aug
    return weights
