"""Check for exercise 4: the addition table against loops written here, with vectors of
different and of equal lengths, and the row maxima subtracted from rectangular and square
matrices (where the wrong orientation still runs)."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_shape,
    expect_tensor,
    get_function,
    random_cases,
)


def random_vectors(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    m, n = (int(size) for size in rng.integers(1, 6, size=2))
    return torch.from_numpy(rng.integers(-9, 10, size=m)), torch.from_numpy(
        rng.integers(-9, 10, size=n)
    )


def check_table(module: ModuleType, u: torch.Tensor, v: torch.Tensor) -> None:
    addition_table = get_function(module, "addition_table")
    m, n = u.shape[0], v.shape[0]
    what = f"addition_table(u, v) for u = {u.tolist()}, v = {v.tolist()}"
    got = expect_tensor(addition_table(u, v), what)
    if got.ndim == 1:
        raise CheckFailed(
            f"{what}: expected shape ({m}, {n}), got {tuple(got.shape)}: u + v adds entry i "
            "to entry i; make u a column (m, 1) and v a row (1, n)"
        )
    expected = np.array([[ui + vj for vj in v.tolist()] for ui in u.tolist()])
    transposed = expected.T
    if (
        tuple(got.shape) == (n, m)
        and np.array_equal(got.numpy(), transposed)
        and (m != n or not np.array_equal(transposed, expected))
    ):
        raise CheckFailed(
            f"{what}: expected shape ({m}, {n}) with T[i, j] = u[i] + v[j], got the transpose: "
            "u indexes the rows, so u is the column"
        )
    expect_array_equal(got, expected, what)


def random_matrix(rng: np.random.Generator) -> torch.Tensor:
    m = int(rng.integers(2, 5))
    n = m if rng.random() < 0.5 else int(rng.integers(2, 5))
    return torch.from_numpy(rng.normal(size=(m, n)))


def check_maxima(module: ModuleType, x: torch.Tensor) -> None:
    subtract_row_maxima = get_function(module, "subtract_row_maxima")
    m, n = x.shape
    what = f"subtract_row_maxima(X) for X of shape ({m}, {n})"
    got = expect_tensor(subtract_row_maxima(x.clone()), what)
    expect_shape(got, (m, n), what)
    values = x.numpy()
    expected = values - values.max(axis=1, keepdims=True)
    by_columns = values - values.max(axis=1)[np.newaxis, :] if m == n else expected
    if np.allclose(got.numpy(), by_columns) and not np.allclose(by_columns, expected):
        raise CheckFailed(
            f"{what}: the maxima were subtracted down the columns: for a square X, a vector "
            "of shape (m,) broadcasts as a row (1, m); unsqueeze(1) makes it a column"
        )
    column_maxima = values.max(axis=0)
    misuses = [values - column_maxima[np.newaxis, :]]
    if m == n:
        misuses.append(values - column_maxima[:, np.newaxis])
    if any(
        np.allclose(got.numpy(), wrong) and not np.allclose(wrong, expected) for wrong in misuses
    ):
        raise CheckFailed(f"{what}: column maxima were subtracted; use the row maxima (dim=1)")
    expect_array_equal(got, expected, what)


def check(module: ModuleType) -> None:
    check_table(module, torch.tensor([1, 2, 3]), torch.tensor([10, 20, 30]))  # m = n: runs
    check_table(module, torch.tensor([0, 10, 20]), torch.tensor([1, 2, 3, 4]))
    for u, v in random_cases(41, 4, random_vectors):
        check_table(module, u, v)
    check_maxima(module, torch.tensor([[3.0, 1.0], [4.0, 0.0]]))  # square: no error to warn
    check_maxima(module, torch.tensor([[1.0, 5.0, 2.0], [7.0, 0.0, -1.0]]))
    for x in random_cases(42, 4, random_matrix):
        check_maxima(module, x)
