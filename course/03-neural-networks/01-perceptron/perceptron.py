"""The perceptron of Part 3.1, shared by its demos: seeded data, the update rule and the
training loop. Points are augmented with a constant 1, so the bias is the last weight."""

from __future__ import annotations

import torch


def augment(points: torch.Tensor) -> torch.Tensor:
    """(n, d) points -> (n, d + 1): a column of ones appended, x~ = (x, 1)."""
    return torch.cat([points, torch.ones(len(points), 1)], dim=1)


def separable_data(
    n: int, margin: float, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """n points in the square [-2, 2]^2 labelled +1 or -1 by a fixed line, keeping only
    points whose augmented vector is at least ``margin`` from the separator u.
    Returns points (n, 2), labels (n,) of +-1.0, and the unit separator u (3,)."""
    u = torch.tensor([1.0, -2.0, 0.5])
    u = u / torch.linalg.vector_norm(u)
    kept: list[torch.Tensor] = []
    while sum(len(batch) for batch in kept) < n:
        candidates = torch.rand(4 * n, 2, generator=generator) * 4 - 2
        scores = augment(candidates) @ u  # signed distance of x~ from the plane u . x~ = 0
        kept.append(candidates[scores.abs() >= margin])
    points = torch.cat(kept)[:n]
    labels = torch.sign(augment(points) @ u)
    return points, labels, u


def overlapping_data(
    n: int, spread: float, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """Two clouds of n // 2 points each around (-1, -1) and (1, 1), with standard deviation
    ``spread``, rounded to whole numbers so that every weight stays a whole number too.
    Returns points (n, 2) and labels (n,) of +-1.0; the clouds overlap: not separable."""
    half = n // 2
    centres = torch.cat([torch.full((half, 2), -1.0), torch.full((half, 2), 1.0)])
    points = torch.round(centres + spread * torch.randn(2 * half, 2, generator=generator))
    labels = torch.cat([-torch.ones(half), torch.ones(half)])
    order = torch.randperm(2 * half, generator=generator)
    return points[order], labels[order]


# --8<-- [start:update]
def update(weights: torch.Tensor, x: torch.Tensor, y: float) -> tuple[torch.Tensor, bool]:
    """One perceptron step on the augmented point x (d + 1,) with label y = +-1:
    a mistake is y w.x <= 0 (wrong side, or on the line), and then w <- w + y x."""
    mistake = y * torch.dot(weights, x).item() <= 0
    if mistake:
        weights = weights + y * x
    return weights, mistake


def train_epoch(
    weights: torch.Tensor, xs: torch.Tensor, ys: torch.Tensor
) -> tuple[torch.Tensor, int]:
    """One pass over the augmented points xs (n, d + 1) in order; returns the new weights
    and the number of mistakes (updates) made on the way."""
    mistakes = 0
    for x, y in zip(xs, ys.tolist(), strict=True):
        weights, mistake = update(weights, x, y)
        mistakes += mistake
    return weights, mistakes


# --8<-- [end:update]


# --8<-- [start:train]
def train(
    xs: torch.Tensor, ys: torch.Tensor, max_epochs: int
) -> tuple[list[torch.Tensor], list[int]]:
    """Start from w = 0 and pass over the data until an epoch makes no mistake (the
    data are then separated) or max_epochs have run. Returns the weights and the
    mistakes of each epoch."""
    weights = torch.zeros(xs.shape[1])
    history: list[torch.Tensor] = []
    mistakes: list[int] = []
    for _ in range(max_epochs):
        weights, count = train_epoch(weights, xs, ys)
        history.append(weights)
        mistakes.append(count)
        if count == 0:
            break
    return history, mistakes


# --8<-- [end:train]


def errors(weights: torch.Tensor, xs: torch.Tensor, ys: torch.Tensor) -> int:
    """How many augmented points xs (n, d + 1) the weights put on the wrong side (or on
    the line)."""
    return int((ys * (xs @ weights) <= 0).sum().item())
