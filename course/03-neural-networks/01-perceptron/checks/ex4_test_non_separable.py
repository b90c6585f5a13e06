"""Check for exercise 4: the pocket's error count against a pocket computed here, on
seeded overlapping clouds; the weights returned must make the errors reported."""

from __future__ import annotations

from types import ModuleType

import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_equal,
    expect_shape,
    expect_tensor,
    expect_type,
    get_function,
)


def clouds(seed: int, n: int) -> tuple[torch.Tensor, torch.Tensor]:
    generator = torch.Generator().manual_seed(seed)
    labels = torch.where(torch.rand(n, generator=generator) < 0.5, -1.0, 1.0)
    points = torch.round(labels[:, None] + 1.5 * torch.randn(n, 2, generator=generator))
    return points, labels


def fewest_errors(points: torch.Tensor, labels: torch.Tensor, epochs: int) -> int:
    """The fewest errors of any weights the perceptron visits (w = 0 included)."""
    xs = torch.cat([points, torch.ones(len(points), 1)], dim=1)
    w = torch.zeros(3)
    best = int((labels * (xs @ w) <= 0).sum().item())
    for _ in range(epochs):
        for i in range(len(xs)):
            if labels[i].item() * torch.dot(w, xs[i]).item() <= 0:
                w = w + labels[i] * xs[i]
                best = min(best, int((labels * (xs @ w) <= 0).sum().item()))
    return best


def check(module: ModuleType) -> None:
    pocket = get_function(module, "pocket")
    for seed in range(4):
        points, labels = clouds(seed, 60)
        what = f"pocket on overlapping clouds {seed} (60 points, 10 epochs)"
        result = expect_type(pocket(points, labels, 10), tuple, what)
        weights = expect_tensor(result[0], f"{what}: the weights")
        expect_shape(weights, (3,), f"{what}: the weights")
        reported = int(result[1])
        xs = torch.cat([points, torch.ones(len(points), 1)], dim=1)
        actual = int((labels * (xs @ weights.float()) <= 0).sum().item())
        if actual != reported:
            raise CheckFailed(
                f"{what}: you report {reported} errors but your weights make {actual}: the "
                "pocket changed after you stored it; store a copy (weights.clone())"
            )
        best = fewest_errors(points, labels, 10)
        if reported > best:
            raise CheckFailed(
                f"{what}: your pocket holds weights with {reported} errors; the best weights "
                f"the perceptron visited make {best}: keep them only when they beat the pocket"
            )
        expect_equal(reported, best, f"{what}: the errors of the pocket weights")
