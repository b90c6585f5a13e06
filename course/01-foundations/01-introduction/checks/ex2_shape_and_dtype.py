"""Check for exercise 2: shapes, dtypes and values against torch's own answers (fixed and
random cases), and epsilon found by search, with torch.finfo and numpy.finfo made to raise."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_dtype,
    expect_equal,
    expect_shape,
    expect_tensor,
    expect_type,
    forbidden,
    get_function,
    random_cases,
)


def random_rows(rng: np.random.Generator) -> tuple[list[list[int]], torch.dtype]:
    rows, columns = (int(x) for x in rng.integers(1, 5, size=2))
    dtype = [torch.float32, torch.float64, torch.int16, torch.int64][int(rng.integers(4))]
    return rng.integers(-50, 50, size=(rows, columns)).tolist(), dtype


def check_make_tensor(module: ModuleType) -> None:
    make_tensor = get_function(module, "make_tensor")
    cases: list[tuple[list[list[int]], torch.dtype]] = [
        ([[1, 2, 3], [4, 5, 6]], torch.float64),
        ([[7], [8], [9], [10]], torch.int32),
    ]
    for rows, dtype in cases + random_cases(11, 4, random_rows):
        what = f"make_tensor({rows}, {dtype})"
        t = expect_tensor(make_tensor(rows, dtype), what)
        expect_shape(t, (len(rows), len(rows[0])), what)
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


FINFO = {
    name: "epsilon_by_halving finds epsilon by search; the check compares it with finfo"
    for name in ("torch.finfo", "numpy.finfo")
}


def check_epsilon(module: ModuleType) -> None:
    epsilon_by_halving = get_function(module, "epsilon_by_halving")
    for dtype in (torch.float16, torch.float32, torch.float64):
        what = f"epsilon_by_halving({dtype})"
        with forbidden(FINFO, module):
            got = epsilon_by_halving(dtype)
        eps = expect_type(got, float, what)
        expected = torch.finfo(dtype).eps
        if eps == expected / 2:
            raise CheckFailed(
                f"{what}: expected {expected:.6g}, got {eps:.6g}, one halving too many: stop "
                "when 1 + step / 2 == 1 and return that step"
            )
        if eps == expected * 2:
            raise CheckFailed(
                f"{what}: expected {expected:.6g}, got {eps:.6g}, one halving too few: keep "
                "halving while 1 + step / 2 is still different from 1"
            )
        if eps == torch.finfo(torch.float64).eps != expected:
            raise CheckFailed(
                f"{what}: expected {expected:.6g}, got {eps:.6g}, float64's epsilon: do the "
                f"arithmetic in {dtype} (tensors of that dtype), not in Python floats"
            )
        expect_equal(eps, expected, what)


def check(module: ModuleType) -> None:
    check_make_tensor(module)
    check_shape_and_dtype(module)
    check_epsilon(module)
