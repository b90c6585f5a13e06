"""Check for exercise 1: MSE by hand (F.mse_loss and nn.MSELoss forbidden while it runs)
against NumPy on seeded vectors, a ValueError for mismatched shapes, and the gap to PyTorch."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_tensor,
    expect_true,
    expect_type,
    forbidden,
    get_function,
    random_cases,
)


def random_pair(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    n = int(rng.integers(3, 12))
    return rng.normal(0, 3, size=n), rng.normal(0, 3, size=n)


def check_value(module: ModuleType, pred: np.ndarray, target: np.ndarray) -> None:
    mse = get_function(module, "mse")
    what = f"mse(pred, target) for n = {len(pred)}"
    shortcuts = {
        "torch.nn.functional.mse_loss": "write the mean of squared differences yourself",
        "torch.nn.MSELoss": "write the mean of squared differences yourself",
    }
    with forbidden(shortcuts, module):
        got = expect_tensor(mse(torch.tensor(pred), torch.tensor(target)), what)
    expect_shape(got, (), what)
    value = got.item()
    squares = (pred - target) ** 2
    if np.isclose(value, squares.sum()):
        raise CheckFailed(f"{what}: {value:.6g} is the sum of squares; MSE divides it by n")
    if np.isclose(value, np.sqrt(squares.mean())):
        raise CheckFailed(f"{what}: {value:.6g} is the root of the MSE (RMSE); leave out the sqrt")
    if np.isclose(value, np.abs(pred - target).mean()):
        raise CheckFailed(f"{what}: {value:.6g} is the mean absolute error; square the differences")
    expect_close(value, float(squares.mean()), what, atol=1e-10, rtol=1e-9)


def check_shapes(module: ModuleType) -> None:
    mse = get_function(module, "mse")
    pred, target = torch.arange(4.0).unsqueeze(1), torch.arange(4.0) + 0.5
    try:
        got = mse(pred, target)
    except ValueError as error:
        message = str(error)
        expect_true(
            "(4, 1)" in message and "(4,)" in message,
            f"mse with shapes (4, 1) and (4,): your ValueError should name both shapes, "
            f"got {message!r}",
        )
        return
    raise CheckFailed(
        f"mse with pred of shape (4, 1) and target of shape (4,) returned {got!r}: the "
        "difference broadcast to (4, 4) silently; raise ValueError when the shapes differ"
    )


def check(module: ModuleType) -> None:
    fixed = (np.array([1.0, 2.0, 3.0]), np.array([1.5, 2.0, 2.0]))
    for pred, target in [fixed, *random_cases(101, 5, random_pair)]:
        check_value(module, pred, target)
    check_shapes(module)
    gap_to_torch = get_function(module, "gap_to_torch")
    pred, target = random_cases(102, 1, random_pair)[0]
    gap = expect_type(gap_to_torch(torch.tensor(pred), torch.tensor(target)), float, "gap_to_torch")
    expect_close(gap, 0.0, "gap_to_torch(pred, target): your MSE against F.mse_loss", atol=1e-9)
