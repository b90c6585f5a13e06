"""Check for exercise 1: every position of the walk against a cumulative sum computed here,
on fixed and random walks, and a ValueError for shapes that do not match."""

from __future__ import annotations

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


def random_walk(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    d, k = int(rng.integers(1, 5)), int(rng.integers(1, 7))
    start = torch.from_numpy(rng.normal(size=d))
    return start, torch.from_numpy(rng.normal(size=(k, d)))


def check_walk(module: ModuleType, start: torch.Tensor, steps: torch.Tensor) -> None:
    walk = get_function(module, "walk")
    k, d = steps.shape
    what = f"walk(start, steps) for start of shape ({d},) and {k} steps"
    got = expect_tensor(walk(start, steps), what)
    if tuple(got.shape) == (k, d):
        raise CheckFailed(
            f"{what}: expected shape ({k + 1}, {d}), got ({k}, {d}): the start position "
            "p_0 is the first row"
        )
    expect_shape(got, (k + 1, d), what)
    expected = np.vstack([start.numpy(), start.numpy() + np.cumsum(steps.numpy(), axis=0)])
    if k > 1 and np.allclose(got.numpy()[1:], start.numpy() + steps.numpy()):
        raise CheckFailed(
            f"{what}: each position is start + steps[j]; the walk goes on from the last "
            "position: p_(j+1) = p_j + steps[j]"
        )
    expect_close(got, expected, what)


def check_rejects(module: ModuleType, start: torch.Tensor, steps: torch.Tensor) -> None:
    walk = get_function(module, "walk")
    shapes = [str(tuple(start.shape)), str(tuple(steps.shape))]
    what = f"walk for start of shape {shapes[0]} and steps of shape {shapes[1]}"
    try:
        got = walk(start, steps)
    except ValueError as error:
        missing = [shape for shape in shapes if shape not in str(error)]
        if missing:
            raise CheckFailed(f"{what}: the ValueError message should show {missing}") from None
        return
    except Exception as error:
        raise CheckFailed(
            f"{what}: expected a ValueError, got {type(error).__name__}: {error}"
        ) from None
    raise CheckFailed(
        f"{what}: expected a ValueError, got a result of shape {tuple(got.shape)}: PyTorch "
        "broadcast the shapes silently; compare them yourself"
    )


def check(module: ModuleType) -> None:
    start = torch.tensor([1.0, 2.0])
    check_walk(module, start, torch.tensor([[3.0, -1.0], [0.0, 1.0], [-2.0, 0.5]]))
    for start, steps in random_cases(11, 5, random_walk):
        check_walk(module, start, steps)
    check_rejects(module, torch.zeros(2), torch.ones(3, 1))  # each step would be stretched
    check_rejects(module, torch.tensor([1.0]), torch.ones(3, 2))
    check_rejects(module, torch.zeros(3), torch.ones(2, 2))
    check_rejects(module, torch.zeros(2), torch.ones(2))
