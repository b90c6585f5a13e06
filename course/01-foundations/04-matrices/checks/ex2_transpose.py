"""Check for exercise 2: the loop transpose against A.T (with PyTorch's transposes made to
raise inside it) and the column-by-column order against NumPy's, on fixed and random matrices."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_dtype,
    expect_tensor,
    forbidden_torch,
    get_function,
    random_cases,
)

TRANSPOSES: set[Callable[..., Any]] = {
    torch.t,
    torch.transpose,
    torch.permute,
    torch.Tensor.t,
    torch.Tensor.transpose,
    torch.Tensor.permute,
    inspect.getattr_static(torch.Tensor, "T").__get__,  # the properties .T and .mT
    inspect.getattr_static(torch.Tensor, "mT").__get__,
}


NO_TRANSPOSE = (
    "transpose_by_hand asked PyTorch for the transpose; write it with loops, (A^T)[j, i] = A[i, j]"
)


def random_matrix(rng: np.random.Generator) -> torch.Tensor:
    m, n = (int(size) for size in rng.integers(1, 6, size=2))
    return torch.from_numpy(rng.integers(-9, 10, size=(m, n)))


def check_transpose(module: ModuleType, a: torch.Tensor) -> None:
    transpose_by_hand = get_function(module, "transpose_by_hand")
    m, n = a.shape
    what = f"transpose_by_hand(A) for A of shape ({m}, {n})"
    with forbidden_torch(TRANSPOSES, NO_TRANSPOSE):
        got = expect_tensor(transpose_by_hand(a), what)
    expected = a.numpy().T
    reshaped = a.numpy().reshape(n, m)
    same_shape = tuple(got.shape) == (n, m)
    if same_shape and not np.array_equal(reshaped, expected) and np.array_equal(got, reshaped):
        raise CheckFailed(
            f"{what}: the shape is right but the entries are A's in reading order: a "
            "reshape to (n, m) is not a transpose; column i of A^T is row i of A"
        )
    expect_array_equal(got, expected, what)
    expect_dtype(got, a.dtype, what)


def check_columns(module: ModuleType, a: torch.Tensor) -> None:
    columns_in_a_row = get_function(module, "columns_in_a_row")
    what = f"columns_in_a_row(A) for A of shape {tuple(a.shape)}"
    got = expect_tensor(columns_in_a_row(a), what)
    expected = a.numpy().flatten(order="F")  # column by column
    if a.shape[0] > 1 and a.shape[1] > 1 and np.array_equal(got.numpy(), a.numpy().flatten()):
        raise CheckFailed(f"{what}: that is the row-by-row order; read the columns of A")
    expect_array_equal(got, expected, what)


def check(module: ModuleType) -> None:
    x = torch.arange(1.0, 13.0).reshape(3, 4)
    matrices = [x, x[:, :3], *random_cases(21, 4, random_matrix)]
    for a in matrices:
        check_transpose(module, a)
        check_columns(module, a)
