"""Check for exercise 2: the runs against the library's mlp and fit run here for random
widths, seeds and activations, and the band against NumPy on random curves."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_type,
    get_function,
    random_cases,
)
from rlcourse.networks import mlp
from rlcourse.training import fit

ACTIVATIONS: list[Callable[[], nn.Module]] = [nn.Tanh, nn.ReLU, nn.Sigmoid]


def reference_runs(
    activation: Callable[[], nn.Module],
    seeds: int,
    x: torch.Tensor,
    y: torch.Tensor,
    hidden: list[int],
) -> np.ndarray:
    runs = []
    for seed in range(seeds):
        torch.manual_seed(seed)
        model = mlp(x.shape[1], hidden, 1, activation)
        optimizer = torch.optim.SGD(model.parameters(), lr=0.3)
        runs.append(fit(model, nn.BCEWithLogitsLoss(), optimizer, x, y, 8))
    return np.array(runs)


def check_runs(module: ModuleType, case: int) -> None:
    train_runs = get_function(module, "train_runs")
    generator = torch.Generator().manual_seed(case)
    x = torch.randn(30, 3, generator=generator)
    y = (x[:, :1] * x[:, 1:2] > 0).float()
    activation = ACTIVATIONS[case % len(ACTIVATIONS)]
    hidden = [4 + case % 3] * (1 + case % 2)
    seeds = 2 + case % 2
    what = f"train_runs({activation.__name__}, seeds={seeds}, hidden={hidden}, lr=0.3, epochs=8)"
    got = expect_type(train_runs(activation, seeds, x, y, hidden, 0.3, 8), np.ndarray, what)
    expect_shape(got, (seeds, 8), what)
    expected = reference_runs(activation, seeds, x, y, hidden)
    if seeds > 1 and np.allclose(got[0], got[1]):
        raise CheckFailed(
            f"{what}: every seed gave the same curve: call torch.manual_seed(seed) with the "
            "loop's seed, not a fixed one, before building each network"
        )
    if not np.allclose(got[:, 0], expected[:, 0], atol=1e-5):
        raise CheckFailed(
            f"{what}: the first losses are {got[:, 0]}, expected {expected[:, 0]}: the initial "
            "weights differ; call torch.manual_seed(seed) just before mlp(...)"
        )
    expect_close(got, expected, f"{what}: the losses", atol=1e-5)


def random_curves(rng: np.random.Generator) -> np.ndarray:
    seeds, epochs = int(rng.integers(2, 8)), int(rng.integers(3, 12))
    return rng.uniform(0.05, 0.8, size=(seeds, epochs))


def check_band(module: ModuleType, curves: np.ndarray) -> None:
    mean_and_band = get_function(module, "mean_and_band")
    what = f"mean_and_band on curves of shape {curves.shape}"
    result = expect_type(mean_and_band(curves), tuple, what)
    mean, band = np.asarray(result[0]), np.asarray(result[1])
    expect_shape(mean, (curves.shape[1],), f"{what}: the mean (one per epoch)")
    expect_close(mean, curves.mean(axis=0), f"{what}: the mean over seeds")
    expected = curves.std(axis=0, ddof=1) / np.sqrt(curves.shape[0])
    if np.allclose(band, curves.std(axis=0, ddof=0) / np.sqrt(curves.shape[0])):
        raise CheckFailed(
            f"{what}: the band uses the population standard deviation (ddof=0); the sample "
            "standard deviation divides by n - 1 (ddof=1, Part 1.2)"
        )
    if np.allclose(band, curves.std(axis=0, ddof=1)):
        raise CheckFailed(
            f"{what}: the band is the standard deviation of the runs; the standard error of "
            "their mean divides it by sqrt(seeds)"
        )
    expect_close(band, expected, f"{what}: the standard error")


def check(module: ModuleType) -> None:
    for curves in random_cases(42, 6, random_curves):
        check_band(module, curves)
    for case in range(4):
        check_runs(module, case)
