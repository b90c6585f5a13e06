"""Check for exercise 3: mean, covariance and correlation against sums computed here in
float64, on small samples (where n and n - 1 differ clearly) with a mean far from 0
(where forgetting to centre shows), with the library's covariance made to raise."""

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
    forbidden,
    get_function,
    random_cases,
)

LIBRARY = {
    name: "compute the covariance from its formula"
    for name in ("torch.cov", "torch.corrcoef", "numpy.cov", "numpy.corrcoef")
}


def random_data(rng: np.random.Generator) -> torch.Tensor:
    n, d = int(rng.integers(4, 9)), int(rng.integers(2, 4))
    mixing = rng.normal(size=(d, d))
    return torch.from_numpy(rng.normal(size=(n, d)) @ mixing.T + rng.uniform(2, 5, size=d)).float()


def check_case(module: ModuleType, data: torch.Tensor) -> None:
    function = get_function(module, "covariance_and_correlation")
    n, d = data.shape
    what = f"covariance_and_correlation(data) for data of shape {(n, d)}"
    x = data.double().numpy()
    mean = x.sum(axis=0) / n
    sums = np.array(
        [[sum((x[i, j] - mean[j]) * (x[i, k] - mean[k]) for i in range(n)) for k in range(d)]
         for j in range(d)]
    )  # fmt: skip
    cov = sums / (n - 1)
    corr = cov / np.sqrt(np.outer(np.diag(cov), np.diag(cov)))
    with forbidden(LIBRARY, module):
        answer = expect_type(function(data), tuple, what)
    if len(answer) != 3:
        raise CheckFailed(f"{what}: expected (mean, covariance, correlation)")
    got_mean, got_cov, got_corr = (expect_tensor(v, what) for v in answer)
    expect_close(got_mean, mean, f"{what}, the mean", atol=1e-4)
    if tuple(got_cov.shape) == (n, n):
        raise CheckFailed(
            f"{what}: the covariance has shape {(n, n)}, one entry per pair of rows: "
            "it is centred.T @ centred, (d, n) @ (n, d)"
        )
    expect_shape(got_cov, (d, d), f"{what}, the covariance")
    values = got_cov.double().numpy()
    if np.allclose(values, sums / n, rtol=1e-4):
        raise CheckFailed(
            f"{what}: the covariance divides by n; the sample covariance divides by n - 1"
        )
    if np.allclose(values, x.T @ x / (n - 1), rtol=1e-4):
        raise CheckFailed(
            f"{what}: the covariance was computed without centring; subtract the mean first"
        )
    expect_close(got_cov, cov, f"{what}, the covariance", atol=1e-4, rtol=1e-4)
    if np.allclose(
        got_corr.double().numpy(), cov / np.outer(np.diag(cov), np.diag(cov)), atol=1e-4
    ):
        raise CheckFailed(
            f"{what}: the correlation divides by the variances; divide by the standard "
            "deviations, their square roots"
        )
    expect_close(got_corr, corr, f"{what}, the correlation", atol=1e-4)


def check(module: ModuleType) -> None:
    check_case(module, torch.tensor([[1.0, 2.0], [3.0, 3.0], [5.0, 7.0]]))
    for data in random_cases(93, 6, random_data):
        check_case(module, data)
