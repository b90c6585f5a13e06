"""Check for exercise 1: the checkerboard's shape, dtype and entries for several sizes, and
stacked observations against the rows given, with errors for an empty or ragged list."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_dtype,
    expect_tensor,
    get_function,
    random_cases,
)


def check_board(module: ModuleType, rows: int, columns: int) -> None:
    checkerboard = get_function(module, "checkerboard")
    what = f"checkerboard({rows}, {columns})"
    got = expect_tensor(checkerboard(rows, columns), what)
    if tuple(got.shape) == (columns, rows) and rows != columns:
        raise CheckFailed(
            f"{what}: expected shape ({rows}, {columns}), got ({columns}, {rows}): the number "
            "of rows comes first"
        )
    expected = np.add.outer(np.arange(rows), np.arange(columns)) % 2
    if tuple(got.shape) == expected.shape and np.array_equal(got.numpy(), 1 - expected):
        raise CheckFailed(f"{what}: every entry is flipped: entry (0, 0) is (0 + 0) % 2 = 0")
    expect_array_equal(got, expected, what)
    expect_dtype(got, torch.int64, what)


def random_observations(rng: np.random.Generator) -> list[torch.Tensor]:
    k, d = int(rng.integers(1, 6)), int(rng.integers(1, 5))
    return [torch.from_numpy(rng.normal(size=d)).float() for _ in range(k)]


def check_stack(module: ModuleType, observations: list[torch.Tensor]) -> None:
    stack_observations = get_function(module, "stack_observations")
    k, d = len(observations), observations[0].shape[0]
    what = f"stack_observations of {k} vectors of shape ({d},)"
    got = expect_tensor(stack_observations(observations), what)
    if tuple(got.shape) == (k * d,) and k > 1:
        raise CheckFailed(
            f"{what}: expected shape ({k}, {d}), got ({k * d},): torch.cat joins the vectors "
            "end to end; torch.stack makes each one a row"
        )
    if tuple(got.shape) == (d, k) and d != k:
        raise CheckFailed(
            f"{what}: expected shape ({k}, {d}), got ({d}, {k}): each observation is a row"
        )
    expect_array_equal(got, np.stack([o.numpy() for o in observations]), what)


def check_rejects(module: ModuleType, observations: list[torch.Tensor], what: str) -> None:
    stack_observations = get_function(module, "stack_observations")
    try:
        got = stack_observations(observations)
    except ValueError:
        return
    except Exception as error:
        raise CheckFailed(
            f"stack_observations of {what}: expected a ValueError, got "
            f"{type(error).__name__}: {error}"
        ) from None
    raise CheckFailed(f"stack_observations of {what}: expected a ValueError, got {got!r}")


def check(module: ModuleType) -> None:
    for rows, columns in ((2, 3), (4, 4), (1, 5), (5, 2)):
        check_board(module, rows, columns)
    check_stack(module, [torch.tensor([1.0, 2.0, 3.0]), torch.tensor([4.0, 5.0, 6.0])])
    for observations in random_cases(11, 4, random_observations):
        check_stack(module, observations)
    check_rejects(module, [], "an empty list")
    check_rejects(module, [torch.zeros(3), torch.zeros(2)], "vectors of lengths 3 and 2")
