"""Check for exercise 3: the list version against torch's + and *, its shape errors, and the
mask against torch.where computed here, including negative values and exact valid entries."""

from __future__ import annotations

import math
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_shape,
    expect_tensor,
    expect_type,
    get_function,
    random_cases,
)

Rows = list[list[float]]


def random_lists(rng: np.random.Generator) -> tuple[Rows, Rows]:
    m, n = (int(size) for size in rng.integers(1, 5, size=2))
    a = rng.integers(-9, 10, size=(m, n)).astype(float).tolist()
    b = rng.integers(-9, 10, size=(m, n)).astype(float).tolist()
    return a, b


def check_lists(module: ModuleType, a: Rows, b: Rows) -> None:
    elementwise_lists = get_function(module, "elementwise_lists")
    what = f"elementwise_lists(A, B) for A = {a}, B = {b}"
    answer = expect_type(elementwise_lists(a, b), tuple, what)
    if len(answer) != 2:
        raise CheckFailed(f"{what}: expected a pair (A + B, A * B), got {answer!r}")
    ta, tb = torch.tensor(a), torch.tensor(b)
    for got, expected, name in ((answer[0], ta + tb, "A + B"), (answer[1], ta * tb, "A * B")):
        rows = expect_type(got, list, f"{what}, {name}")
        expect_array_equal(
            np.array(rows, dtype=float), expected.double().numpy(), f"{what}, {name}"
        )


def check_list_shapes(module: ModuleType) -> None:
    elementwise_lists = get_function(module, "elementwise_lists")
    cases: list[tuple[Rows, Rows, str]] = [
        ([[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.0]], "2 rows and 1 row"),
        ([[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.0], [3.0]], "rows of 2 and of 1 entries"),
    ]
    for a, b, shapes in cases:
        what = f"elementwise_lists for {shapes}"
        try:
            got = elementwise_lists(a, b)
        except ValueError:
            continue
        except Exception as error:
            raise CheckFailed(
                f"{what}: expected a ValueError, got {type(error).__name__}"
            ) from None
        raise CheckFailed(
            f"{what}: expected a ValueError, got {got!r}: zip stops at the shorter list "
            "without a word; compare the lengths first"
        )


def random_q(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    k, a = int(rng.integers(1, 5)), int(rng.integers(2, 5))
    q = torch.from_numpy(rng.normal(size=(k, a))).float()
    return q, torch.from_numpy(rng.random(size=(k, a)) < 0.6)


def check_mask(module: ModuleType, q: torch.Tensor, valid: torch.Tensor) -> None:
    mask_invalid = get_function(module, "mask_invalid")
    what = f"mask_invalid(q_values, valid) for q_values = {q.tolist()}, valid = {valid.tolist()}"
    expected = torch.where(valid, q, torch.tensor(-math.inf))
    got = expect_tensor(mask_invalid(q.clone(), valid), what)
    expect_shape(got, tuple(q.shape), what)
    if torch.isnan(got).any():
        raise CheckFailed(
            f"{what}: the result holds nan: 0 * inf is not a number, so adding "
            "(~valid) * -inf spoils the valid entries; choose entry by entry (torch.where)"
        )
    if bool(((got == 0) & ~valid).any()):
        raise CheckFailed(
            f"{what}: invalid entries became 0, which is larger than a negative valid value; "
            "multiplying by the mask zeroes them, they must be -inf"
        )
    if bool(torch.isinf(got[valid]).any()):
        raise CheckFailed(f"{what}: a valid entry became -inf: True in valid means keep it")
    expect_array_equal(got, expected.numpy(), what)


def check(module: ModuleType) -> None:
    check_lists(module, [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [[10.0, 0.0, -1.0], [0.5, 2.0, 1.0]])
    for a, b in random_cases(31, 4, random_lists):
        check_lists(module, a, b)
    check_list_shapes(module)
    q = torch.tensor([[-1.0, -2.0, -0.5], [3.0, 1.0, 2.0]])
    check_mask(module, q, torch.tensor([[True, False, True], [False, True, True]]))
    for q, valid in random_cases(32, 4, random_q):
        check_mask(module, q, valid)
