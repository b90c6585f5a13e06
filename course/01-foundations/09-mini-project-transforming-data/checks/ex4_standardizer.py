"""Check for exercise 4: statistics against formulas computed here on small samples
(where n and n - 1 differ), new observations standardised with the given statistics
(not their own), and a constant feature that must give 0, not NaN."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_tensor,
    expect_type,
    get_function,
    random_cases,
)


def random_data(rng: np.random.Generator) -> torch.Tensor:
    n, d = int(rng.integers(3, 8)), int(rng.integers(2, 5))
    scales, shifts = rng.uniform(0.5, 3, size=d), rng.uniform(-5, 5, size=d)
    return torch.from_numpy(rng.normal(size=(n, d)) * scales + shifts).float()


def check_fit(module: ModuleType, data: torch.Tensor) -> tuple[np.ndarray, np.ndarray]:
    fit_standardizer = get_function(module, "fit_standardizer")
    n, d = data.shape
    what = f"fit_standardizer(data) for data of shape {(n, d)}"
    x = data.double().numpy()
    mean = x.mean(axis=0)
    squares = ((x - mean) ** 2).sum(axis=0)
    std = np.sqrt(squares / (n - 1))
    answer = expect_type(fit_standardizer(data), tuple, what)
    if len(answer) != 2:
        raise CheckFailed(f"{what}: expected a pair (mean, std)")
    got_mean, got_std = (expect_tensor(v, what) for v in answer)
    expect_shape(got_mean, (d,), f"{what}, the mean")
    expect_close(got_mean, mean, f"{what}, the mean", atol=1e-4)
    expect_shape(got_std, (d,), f"{what}, the std")
    if np.allclose(got_std.double().numpy(), np.sqrt(squares / n), rtol=1e-4):
        raise CheckFailed(
            f"{what}: your std divides by n (unbiased=False); use the sample std, which "
            "divides by n - 1"
        )
    expect_close(got_std, std, f"{what}, the std", atol=1e-4, rtol=1e-4)
    return mean, std


def check_standardize(
    module: ModuleType, new: torch.Tensor, mean: np.ndarray, std: np.ndarray
) -> None:
    standardize = get_function(module, "standardize")
    what = f"standardize(x, mean, std) for x of shape {tuple(new.shape)}"
    x = new.double().numpy()
    expected = np.divide(x - mean, std, out=np.zeros_like(x), where=std > 0)
    got = expect_tensor(
        standardize(new, torch.from_numpy(mean).float(), torch.from_numpy(std).float()), what
    )
    expect_shape(got, x.shape, what)
    if torch.isnan(got).any() or torch.isinf(got).any():
        raise CheckFailed(
            f"{what}: NaN or infinity for a feature whose std is 0; give such features 0"
        )
    own = (x - x.mean(axis=0)) / x.std(axis=0, ddof=1)
    if len(x) > 1 and np.allclose(got.double().numpy(), own, atol=1e-4):
        raise CheckFailed(
            f"{what}: you standardised x with its own mean and std; use the ones given, "
            "measured on earlier data"
        )
    if np.allclose(got.double().numpy(), x / np.where(std > 0, std, 1) - mean, atol=1e-4):
        raise CheckFailed(f"{what}: subtract the mean first, then divide by the std")
    expect_close(got, expected, what, atol=1e-4)


def check(module: ModuleType) -> None:
    generator = torch.Generator().manual_seed(94)
    for data in [
        torch.tensor([[1.0, 10.0], [3.0, 30.0], [5.0, 20.0]]),
        *random_cases(94, 5, random_data),
    ]:
        mean, std = check_fit(module, data)
        new = torch.randn(4, data.shape[1], generator=generator) * 2 + 1
        check_standardize(module, new, mean, std)
    constant = torch.tensor(
        [[1.0, 7.0], [2.0, 7.0], [4.0, 7.0]]
    )  # the second feature never changes
    mean, std = check_fit(module, constant)
    check_standardize(module, torch.tensor([[3.0, 7.0], [0.0, 8.0]]), mean, std)
