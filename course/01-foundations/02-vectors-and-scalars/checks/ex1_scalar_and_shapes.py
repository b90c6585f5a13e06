"""Check for exercise 1: shapes, dtypes and the order of entries, on fixed and random vectors."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_dtype,
    expect_shape,
    expect_tensor,
    get_function,
    random_cases,
)


def check_scalar(module: ModuleType) -> None:
    make_scalar = get_function(module, "make_scalar")
    for value in (1.5, -0.25, 7.0):
        what = f"make_scalar({value})"
        t = expect_tensor(make_scalar(value), what)
        if tuple(t.shape) == (1,):
            raise CheckFailed(
                f"{what}: expected shape (), got (1,): torch.tensor([value]) is a vector of "
                "one entry; pass the number itself"
            )
        expect_shape(t, (), what)
        expect_dtype(t, torch.float32, what)
        if t.item() != value:
            raise CheckFailed(f"{what}: expected the value {value}, got {t.item()}")


def random_vector(rng: np.random.Generator) -> torch.Tensor:
    n = int(rng.integers(2, 13))
    return torch.from_numpy(rng.integers(-20, 20, size=n)).float()


def check_column(module: ModuleType) -> None:
    as_column = get_function(module, "as_column")
    for x in [torch.tensor([2.0, 4.0, 7.0]), *random_cases(21, 4, random_vector)]:
        what = f"as_column of a vector of shape {tuple(x.shape)}"
        t = expect_tensor(as_column(x), what)
        n = x.shape[0]
        if tuple(t.shape) == (1, n):
            raise CheckFailed(f"{what}: expected shape ({n}, 1), got (1, {n}): that is a row")
        expect_shape(t, (n, 1), what)
        expect_array_equal(t[:, 0], x.numpy(), f"{what}, column 0")


def shuffled_twelve(rng: np.random.Generator) -> torch.Tensor:
    return torch.from_numpy(rng.permutation(12)).float()


def check_rows(module: ModuleType) -> None:
    split_into_rows = get_function(module, "split_into_rows")
    cases = [(torch.arange(8.0), 2), (torch.arange(12.0), 3), (torch.arange(6.0), 6)]
    cases += [(x, rows) for x in random_cases(22, 2, shuffled_twelve) for rows in (1, 4)]
    for x, rows in cases:
        n = x.shape[0]
        what = f"split_into_rows(x, {rows}) for x = {x.tolist()}"
        t = expect_tensor(split_into_rows(x, rows), what)
        expected = x.numpy().reshape(rows, n // rows)
        if tuple(t.shape) == (n // rows, rows) and rows != n // rows:
            raise CheckFailed(
                f"{what}: expected shape {(rows, n // rows)}, got {tuple(t.shape)}: "
                f"the first number of the shape is the number of rows"
            )
        down_columns = x.numpy().reshape(n // rows, rows).T  # the same shape, other places
        if not np.array_equal(down_columns, expected) and np.array_equal(t, down_columns):
            raise CheckFailed(
                f"{what}: the right shape, but consecutive entries run down the columns: "
                "reshape fills row 0 first; a transpose puts the entries in other places"
            )
        expect_array_equal(t, expected, what)
    for n, rows in ((8, 3), (5, 2)):
        what = f"split_into_rows for {n} entries and {rows} rows"
        try:
            got = split_into_rows(torch.arange(float(n)), rows)
        except ValueError as error:
            if str(n) not in str(error) or str(rows) not in str(error):
                raise CheckFailed(
                    f"{what}: the ValueError message should name {n} and {rows}, got {error}"
                ) from None
            continue
        except Exception as error:
            raise CheckFailed(
                f"{what}: expected a ValueError, got {type(error).__name__}: {error}"
            ) from None
        raise CheckFailed(
            f"{what}: expected a ValueError, got a result of shape {tuple(got.shape)}"
        )


def check(module: ModuleType) -> None:
    check_scalar(module)
    check_column(module)
    check_rows(module)
