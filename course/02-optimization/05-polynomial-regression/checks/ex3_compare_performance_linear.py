"""Check for exercise 3: standardize on random matrices whose columns have very different
scales, against the training statistics computed here; then the given compare must find
the cubic better than the line on held-out data."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_shape,
    expect_tensor,
    expect_type,
    get_function,
    random_cases,
)


def random_pair(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    d = int(rng.integers(2, 5))
    scales = 10.0 ** rng.uniform(-1, 2, size=d)  # columns from 0.1 to 100 in size
    train = rng.normal(rng.uniform(-3, 3, size=d), 1, size=(12, d)) * scales
    test = rng.normal(rng.uniform(-3, 3, size=d), 2, size=(7, d)) * scales
    return torch.from_numpy(train).float(), torch.from_numpy(test).float()


def check_pair(module: ModuleType, train: torch.Tensor, test: torch.Tensor) -> None:
    standardize = get_function(module, "standardize")
    what = f"standardize(train {tuple(train.shape)}, test {tuple(test.shape)})"
    answer = expect_type(standardize(train, test), tuple, what)
    if len(answer) != 2:
        raise CheckFailed(f"{what}: expected a pair (scaled train, scaled test)")
    got_train, got_test = (expect_tensor(v, what) for v in answer)
    expect_shape(got_train, tuple(train.shape), f"{what}, scaled train")
    expect_shape(got_test, tuple(test.shape), f"{what}, scaled test")
    mean, std = train.double().mean(dim=0), train.double().std(dim=0)
    column_means = got_train.double().mean(dim=0)
    column_stds = got_train.double().std(dim=0)
    if not torch.allclose(column_means, torch.zeros_like(column_means), atol=1e-4):
        raise CheckFailed(
            f"{what}: the scaled training columns have means {column_means.tolist()}, "
            "expected 0: subtract one mean per column (mean over dim=0)"
        )
    if not torch.allclose(column_stds, torch.ones_like(column_stds), atol=1e-3):
        raise CheckFailed(
            f"{what}: the scaled training columns have std {column_stds.tolist()}, expected "
            "1 each: divide by the std of each column (std over dim=0)"
        )
    expected = (test.double() - mean) / std
    if not torch.allclose(got_test.double(), expected, rtol=1e-4, atol=1e-4):
        raise CheckFailed(
            f"{what}: the scaled test set differs from (test - mean) / std computed with the "
            "training columns' mean and std; never use the test set's own statistics"
        )


def check(module: ModuleType) -> None:
    for train, test in random_cases(27, 5, random_pair):
        check_pair(module, train, test)
    compare = get_function(module, "compare")
    generator = torch.Generator().manual_seed(3)
    x, x_test = 4 * torch.rand(30, 1, generator=generator) - 2, torch.linspace(-2, 2, 50)
    x_test = x_test.unsqueeze(1)
    y, y_test = 1 - 2 * x + x**3, 1 - 2 * x_test + x_test**3
    scores = expect_type(compare(x, y, x_test, y_test), dict, "compare(...)")
    if not scores[3] < 0.01 < scores[1]:
        raise CheckFailed(
            f"compare on a noise-free cubic: test MSE {scores}, expected the cubic under 0.01 "
            "and the line above it"
        )
