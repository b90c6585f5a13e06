"""Check for exercise 4: same numbers and dtype as `a + b`, one element at a time, clear errors."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_dtype,
    expect_shape,
    expect_tensor,
    get_function,
    random_cases,
    torch_calls,
)

# Every way of asking torch for an addition that `a + b`, `a.add(b)` or `a += b` goes through.
ADDITIONS: set[Callable[..., Any]] = {
    torch.add,
    torch.Tensor.add,
    torch.Tensor.add_,
    torch.Tensor.__add__,
    torch.Tensor.__radd__,
    torch.Tensor.__iadd__,
}


def check_sum(module: ModuleType, a: torch.Tensor, b: torch.Tensor) -> None:
    add_elementwise = get_function(module, "add_elementwise")
    expected = a + b  # computed here, before the recording starts
    what = f"add_elementwise(a, b) for a of shape {tuple(a.shape)}, {a.dtype}, and b {b.dtype}"
    with torch_calls(ADDITIONS) as additions:
        got = add_elementwise(a, b)
    largest_operand = max(
        (arg.numel() for call in additions for arg in call.args if isinstance(arg, torch.Tensor)),
        default=0,
    )
    got = expect_tensor(got, what)
    expect_shape(got, tuple(expected.shape), what)
    expect_dtype(got, expected.dtype, what)
    if not torch.equal(got, expected):
        raise CheckFailed(f"{what}: expected {expected.tolist()}, got {got.tolist()}")
    if largest_operand > 1:
        raise CheckFailed(
            f"{what}: an addition had an operand of {largest_operand} elements; "
            "add one pair of elements at a time, in a loop"
        )


def check_rejects(module: ModuleType, a: torch.Tensor, b: torch.Tensor, shown: list[str]) -> None:
    """``add_elementwise(a, b)`` must raise ValueError whose message contains each of ``shown``."""
    add_elementwise = get_function(module, "add_elementwise")
    what = f"add_elementwise for shapes {tuple(a.shape)} and {tuple(b.shape)}"
    try:
        got = add_elementwise(a, b)
    except ValueError as error:
        message = str(error)
        missing = [text for text in shown if text not in message]
        if missing:
            raise CheckFailed(
                f"{what}: the ValueError message should show {missing}, got {message!r}"
            ) from None
        return
    except Exception as error:
        raise CheckFailed(
            f"{what}: expected a ValueError, got {type(error).__name__}: {error}"
        ) from None
    raise CheckFailed(f"{what}: expected a ValueError, got a result {got!r}")


def random_pair(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    shape = tuple(int(size) for size in rng.integers(1, 5, size=int(rng.integers(1, 3))))
    dtypes = (torch.int64, torch.float32, torch.float64)
    a, b = (
        torch.from_numpy(rng.integers(-9, 9, size=shape)).to(dtypes[int(rng.integers(3))])
        for _ in range(2)
    )
    return a, b


def check(module: ModuleType) -> None:
    for a, b in random_cases(14, 4, random_pair):
        check_sum(module, a, b)
    generator = torch.Generator().manual_seed(0)
    check_sum(module, torch.tensor([1.5, -2.0, 3.0]), torch.tensor([0.25, 4.0, -3.0]))
    check_sum(
        module,
        torch.randn(3, 4, generator=generator),
        torch.randn(3, 4, generator=generator),
    )
    integers = torch.tensor([[1, 2], [3, 4]])
    check_sum(module, integers, torch.tensor([[10, 20], [30, 40]]))  # int64 + int64: int64
    check_sum(module, integers, torch.tensor([[0.5, 0.5], [-1.0, 2.5]]))  # int64 + float32
    check_sum(module, torch.ones(2, dtype=torch.float64), torch.tensor([0.1, 0.2]))  # float64
    check_rejects(module, torch.zeros(3), torch.zeros(2), ["(3,)", "(2,)"])
    check_rejects(module, torch.zeros(2, 3), torch.zeros(3, 2), ["(2, 3)", "(3, 2)"])
    check_rejects(module, torch.zeros(3), torch.zeros(1), ["(3,)", "(1,)"])
    check_rejects(module, torch.zeros(2, 2, 2), torch.zeros(2, 2, 2), [])
