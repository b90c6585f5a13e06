"""Check for exercise 2: rotations about random centres against the formula computed
here point by point; the centre itself must stay put and distances to it be kept."""

from __future__ import annotations

import math
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_tensor,
    get_function,
    random_cases,
)


def random_case(rng: np.random.Generator) -> tuple[torch.Tensor, float, torch.Tensor]:
    n = int(rng.integers(1, 6))
    points = torch.from_numpy(rng.normal(scale=2.0, size=(n, 2))).float()
    theta = float(rng.uniform(0.2, 2.8)) * float(rng.choice([-1, 1]))
    return points, theta, torch.from_numpy(rng.normal(scale=2.0, size=2)).float()


def turned(points: np.ndarray, theta: float, centre: np.ndarray) -> np.ndarray:
    c, s = math.cos(theta), math.sin(theta)
    return np.array(
        [[c * (x - centre[0]) - s * (y - centre[1]) + centre[0],
          s * (x - centre[0]) + c * (y - centre[1]) + centre[1]] for x, y in points]
    )  # fmt: skip


def check_case(
    module: ModuleType, points: torch.Tensor, theta: float, centre: torch.Tensor
) -> None:
    rotate_about = get_function(module, "rotate_about")
    what = (
        f"rotate_about(points, {theta:.3f}, centre={[round(v, 3) for v in centre.tolist()]}) "
        f"for {len(points)} points"
    )
    p, o = points.double().numpy(), centre.double().numpy()
    expected = turned(p, theta, o)
    try:
        got = expect_tensor(rotate_about(points, theta, centre), what)
    except NotImplementedError:
        raise  # the stub: reported as not implemented yet
    except RuntimeError as error:
        raise CheckFailed(f"{what} raised RuntimeError: {error}") from None
    expect_shape(got, expected.shape, what)
    values = got.double().numpy()

    def looks_like(wrong: np.ndarray) -> bool:
        """The answer matches a known mistake that gives another result here."""
        return np.allclose(values, wrong, atol=1e-4) and not np.allclose(expected, wrong, atol=1e-4)

    if looks_like(turned(p, theta, np.zeros(2))):
        raise CheckFailed(f"{what}: you rotated about the origin; subtract the centre first")
    if looks_like(turned(p, -theta, o)):
        raise CheckFailed(
            f"{what}: the points turned clockwise: for rows p, R p is p @ R.T, not p @ R"
        )
    if looks_like(turned(p, theta, o) - o):
        raise CheckFailed(f"{what}: add the centre back after rotating")
    expect_close(got, expected, what, atol=1e-4)


def check(module: ModuleType) -> None:
    square = torch.tensor([[1.0, 1.0], [2.0, 1.0], [2.0, 2.0], [1.0, 2.0]])
    check_case(module, square, math.pi / 2, torch.tensor([1.5, 1.5]))  # turns onto itself
    check_case(module, torch.tensor([[3.0, 1.0]]), math.pi / 6, torch.tensor([3.0, 1.0]))
    for points, theta, centre in random_cases(82, 8, random_case):
        check_case(module, points, theta, centre)
