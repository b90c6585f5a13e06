"""Check for exercise 2: shapes, dtypes and values against torch's own answers."""

from __future__ import annotations

from types import ModuleType

import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_dtype,
    expect_equal,
    expect_shape,
    expect_tensor,
    expect_type,
    get_function,
)


def check_make_tensor(module: ModuleType) -> None:
    make_tensor = get_function(module, "make_tensor")
    cases: list[tuple[list[list[int]], torch.dtype, tuple[int, ...]]] = [
        ([[1, 2, 3], [4, 5, 6]], torch.float64, (2, 3)),
        ([[7], [8], [9], [10]], torch.int32, (4, 1)),
    ]
    for rows, dtype, shape in cases:
        what = f"make_tensor({rows}, {dtype})"
        t = expect_tensor(make_tensor(rows, dtype), what)
        expect_shape(t, shape, what)
        expect_dtype(t, dtype, what)
        expect_equal(t.tolist(), rows, f"{what} values")


def check_shape_and_dtype(module: ModuleType) -> None:
    shape_and_dtype = get_function(module, "shape_and_dtype")
    cases: list[tuple[str, torch.Tensor]] = [
        ("torch.zeros(4, 1, 2, dtype=torch.int16)", torch.zeros(4, 1, 2, dtype=torch.int16)),
        ("torch.tensor(3.5)", torch.tensor(3.5)),
        ("torch.tensor([True, False])", torch.tensor([True, False])),
    ]
    for source, t in cases:
        what = f"shape_and_dtype({source})"
        answer = expect_type(shape_and_dtype(t), tuple, what)
        if len(answer) != 2:
            raise CheckFailed(f"{what}: expected a pair (shape, dtype), got {answer!r}")
        shape, dtype = answer
        shape = expect_type(shape, tuple, f"{what}[0], the shape")
        if not all(isinstance(size, int) for size in shape):
            raise CheckFailed(f"{what}[0]: expected a tuple of ints, got {shape!r}")
        expect_equal(tuple(shape), tuple(t.shape), f"{what}[0], the shape")
        expect_equal(dtype, t.dtype, f"{what}[1], the dtype")


def check_epsilon(module: ModuleType) -> None:
    epsilon_by_halving = get_function(module, "epsilon_by_halving")
    for dtype in (torch.float16, torch.float32, torch.float64):
        what = f"epsilon_by_halving({dtype})"
        eps = expect_type(epsilon_by_halving(dtype), float, what)
        expect_equal(eps, torch.finfo(dtype).eps, what)


def check(module: ModuleType) -> None:
    check_make_tensor(module)
    check_shape_and_dtype(module)
    check_epsilon(module)
