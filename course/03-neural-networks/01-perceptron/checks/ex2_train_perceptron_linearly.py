"""Check for exercise 2: the training loop against one written here, on seeded separable
data sets; the weights returned must separate the data."""

from __future__ import annotations

import itertools
from types import ModuleType

import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_tensor,
    expect_type,
    get_function,
)


def separable(seed: int, n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """n points in [-2, 2]^2 at least 0.05 from a random line through the square."""
    generator = torch.Generator().manual_seed(seed)
    u = torch.randn(3, generator=generator)
    u = u / torch.linalg.vector_norm(u)
    points = torch.rand(20 * n, 2, generator=generator) * 4 - 2
    scores = torch.cat([points, torch.ones(len(points), 1)], dim=1) @ u
    keep = scores.abs() >= 0.05
    return points[keep][:n], torch.sign(scores[keep][:n])


def reference(
    points: torch.Tensor, labels: torch.Tensor, max_epochs: int
) -> tuple[torch.Tensor, list[int]]:
    xs = torch.cat([points, torch.ones(len(points), 1)], dim=1)
    weights = torch.zeros(3)
    per_epoch: list[int] = []
    while len(per_epoch) < max_epochs and (not per_epoch or per_epoch[-1] > 0):
        before = len(per_epoch)
        per_epoch.append(0)
        for i in range(len(xs)):
            if labels[i].item() * torch.dot(weights, xs[i]).item() <= 0:
                weights = weights + labels[i] * xs[i]
                per_epoch[before] += 1
    return weights, per_epoch


def check(module: ModuleType) -> None:
    train = get_function(module, "train_until_separated")
    for seed in range(4):
        points, labels = separable(seed, 40)
        what = f"train_until_separated on data set {seed} (40 points, max_epochs=200)"
        result = expect_type(train(points, labels, 200), tuple, what)
        weights = expect_tensor(result[0], f"{what}: the weights")
        got = [int(m) for m in expect_type(result[1], list, f"{what}: the mistakes")]
        expected_weights, expected = reference(points, labels, 200)
        if got == expected:
            expect_close(weights, expected_weights, f"{what}: the weights", atol=1e-4)
            continue
        if len(got) > 1 and got[: len(expected)] == list(itertools.accumulate(expected)):
            raise CheckFailed(
                f"{what}: your mistakes per epoch {got[:6]}... add up all earlier epochs: "
                "count only that epoch's mistakes (set the counter to 0 at the start of each "
                "epoch)"
            )
        if got[: len(expected)] == expected:
            raise CheckFailed(
                f"{what}: got {len(got)} epochs, expected {len(expected)}: you kept training "
                "after an epoch with no mistake; stop there, the data are separated"
            )
        xs = torch.cat([points, torch.ones(len(points), 1)], dim=1)
        wrong = int((labels * (xs @ weights.float()) <= 0).sum().item())
        if wrong > 0:
            raise CheckFailed(
                f"{what}: your final weights leave {wrong} points on the wrong side; the "
                "update is w + y x~, which moves w towards the point's own side"
            )
        raise CheckFailed(
            f"{what}: the mistakes per epoch differ: expected {expected}, got {got} "
            "(a full pass over every point is one epoch)"
        )
