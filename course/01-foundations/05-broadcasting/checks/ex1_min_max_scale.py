"""Check for exercise 1: min-max scaling against NumPy, on square matrices (where the wrong
direction runs without an error), tall and wide ones, and a constant column."""

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


def reference(values: np.ndarray, axis: int) -> np.ndarray:
    low = values.min(axis=axis, keepdims=True)
    span = values.max(axis=axis, keepdims=True) - low
    return (values - low) / np.where(span > 0, span, 1.0)


def random_matrix(rng: np.random.Generator) -> torch.Tensor:
    m, n = (int(size) for size in rng.integers(2, 6, size=2))
    return torch.from_numpy(rng.normal(size=(m, n)) * rng.uniform(1, 50, size=n))


def check_case(module: ModuleType, x: torch.Tensor) -> None:
    min_max_scale = get_function(module, "min_max_scale")
    what = f"min_max_scale(X) for X = {np.round(x.numpy(), 3).tolist()}"
    got = expect_tensor(min_max_scale(x.clone()), what)
    expect_shape(got, tuple(x.shape), what)
    values = x.double().numpy()
    result = got.double().numpy()
    if np.isnan(result).any():
        raise CheckFailed(
            f"{what}: the result holds nan: a constant column has range 0, and 0 / 0 is nan; "
            "divide such a column by 1 instead"
        )
    expected = reference(values, axis=0)
    by_rows = reference(values, axis=1)
    if np.allclose(result, by_rows) and not np.allclose(expected, by_rows):
        raise CheckFailed(
            f"{what}: every row was scaled to [0, 1]; the features are the columns: take "
            "the minima and maxima over the rows (dim=0)"
        )
    if np.allclose(result, values / values.max(axis=0)) and not np.allclose(
        expected, values / values.max(axis=0)
    ):
        raise CheckFailed(
            f"{what}: divided by the maxima; subtract the minima and divide by max - min"
        )
    expect_close(got, expected, what)


def check(module: ModuleType) -> None:
    check_case(module, torch.tensor([[1.0, 10.0, 4.0], [3.0, 30.0, 0.0], [2.0, 50.0, 8.0]]))
    check_case(
        module,
        torch.tensor([[2.0, 10.0, 0.5], [4.0, 30.0, 1.5], [6.0, 20.0, 1.0], [8.0, 40.0, 2.0]]),
    )
    for x in random_cases(11, 4, random_matrix):
        check_case(module, x)
    check_case(module, torch.tensor([[1.0, 7.0], [3.0, 7.0], [2.0, 7.0]]))  # a constant column
