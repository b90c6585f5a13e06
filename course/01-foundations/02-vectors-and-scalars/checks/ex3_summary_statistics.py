"""Check for exercise 3: sum, mean and both standard deviations against NumPy in float64,
on fixed and random vectors, with the library's mean, std and var made to raise."""

from __future__ import annotations

import math
from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_type,
    forbidden,
    forbidden_torch,
    get_function,
    random_cases,
)

TORCH_SHORTCUTS: set[Callable[..., Any]] = {
    torch.mean,
    torch.std,
    torch.var,
    torch.std_mean,
    torch.var_mean,
    torch.Tensor.mean,
    torch.Tensor.std,
    torch.Tensor.var,
}
REASON = "compute the statistics from their formulas, with sums"
NO_SHORTCUTS = "your code called {name}, which this task forbids: " + REASON
NUMPY_SHORTCUTS = {name: REASON for name in ("numpy.mean", "numpy.std", "numpy.var")}


def random_vector(rng: np.random.Generator) -> torch.Tensor:
    n = int(rng.integers(2, 12))
    return torch.from_numpy(rng.normal(3.0, 2.0, size=n))


def check_case(module: ModuleType, x: torch.Tensor, correction: int) -> None:
    summarize = get_function(module, "summarize")
    what = f"summarize(x, {correction}) for x = {[round(v, 3) for v in x.tolist()]}"
    with forbidden_torch(TORCH_SHORTCUTS, NO_SHORTCUTS), forbidden(NUMPY_SHORTCUTS, module):
        answer = expect_type(summarize(x, correction), tuple, what)
    if len(answer) != 3:
        raise CheckFailed(f"{what}: expected (sum, mean, std), got {answer!r}")
    values = x.numpy()
    n = len(values)
    expected_std = float(np.std(values, ddof=correction))
    total, mean, std = (
        expect_type(v, float, f"{what}, {name}")
        for v, name in zip(answer, ("the sum", "the mean", "the std"), strict=True)
    )
    expect_close(total, float(values.sum()), f"{what}, the sum")
    expect_close(mean, float(values.mean()), f"{what}, the mean")
    other = float(np.std(values, ddof=1 - correction))
    if math.isclose(std, other, rel_tol=1e-5) and not math.isclose(std, expected_std):
        raise CheckFailed(
            f"{what}: expected the std {expected_std:.6g}, got {std:.6g}, which divides by "
            f"n - {1 - correction}: divide by n - correction"
        )
    if math.isclose(std, expected_std**2, rel_tol=1e-5) and n > 2:
        raise CheckFailed(
            f"{what}: expected the std {expected_std:.6g}, got {std:.6g}, the variance: "
            "take the square root"
        )
    expect_close(std, expected_std, f"{what}, the std")


def check_too_short(module: ModuleType) -> None:
    summarize = get_function(module, "summarize")
    what = "summarize(x, 1) for x of one entry"
    try:
        got = summarize(torch.tensor([4.0], dtype=torch.float64), 1)
    except ValueError as error:
        if "1" not in str(error):
            raise CheckFailed(
                f"{what}: the ValueError message should name n = 1, got {error}"
            ) from None
        return
    except Exception as error:
        raise CheckFailed(
            f"{what}: expected a ValueError, got {type(error).__name__}: {error}"
        ) from None
    raise CheckFailed(f"{what}: expected a ValueError (n - 1 = 0), got {got!r}")


def check(module: ModuleType) -> None:
    returns = torch.tensor([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0], dtype=torch.float64)
    for correction in (0, 1):
        check_case(module, returns, correction)
        for x in random_cases(41 + correction, 4, random_vector):
            check_case(module, x, correction)
    check_too_short(module)
