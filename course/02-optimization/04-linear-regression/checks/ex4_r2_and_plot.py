"""Check for exercise 4: R^2 against the formula on random predictions (good, poor and
worse than the mean), the two fixed points (perfect: 1, the mean: 0), and the figure
read back from matplotlib."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)


def random_pair(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    n = int(rng.integers(5, 12))
    target = rng.normal(rng.uniform(-5, 5), rng.uniform(0.5, 3), size=(n, 1))
    noise = rng.normal(0, rng.uniform(0.1, 4), size=(n, 1))
    return target + noise + rng.uniform(-1, 1), target


def check_r2(module: ModuleType, prediction: np.ndarray, target: np.ndarray) -> None:
    r2_score = get_function(module, "r2_score")
    what = f"r2_score(prediction, target) for {len(target)} points"
    got = expect_type(
        r2_score(torch.from_numpy(prediction).float(), torch.from_numpy(target).float()),
        float,
        what,
    )
    ss_res = ((target - prediction) ** 2).sum()
    ss_tot = ((target - target.mean()) ** 2).sum()
    if np.isclose(got, 1 - ss_res / ss_tot, rtol=1e-4, atol=1e-5):
        return
    if np.isclose(got, ss_res / ss_tot, rtol=1e-4):
        raise CheckFailed(f"{what}: you returned SS_res / SS_tot; R^2 is 1 minus that")
    if np.isclose(got, 1 - ss_res / (target**2).sum(), rtol=1e-4):
        raise CheckFailed(
            f"{what}: SS_tot should measure the targets' spread around their mean, "
            "not around 0: subtract target.mean()"
        )
    spread_of_prediction = ((prediction - prediction.mean()) ** 2).sum()
    if np.isclose(got, 1 - ss_res / spread_of_prediction, rtol=1e-4):
        raise CheckFailed(
            f"{what}: SS_tot uses the spread of the predictions; it is the targets' spread"
        )
    expect_close(got, 1 - ss_res / ss_tot, what, atol=1e-5, rtol=1e-4)


def check_plot(module: ModuleType, prediction: np.ndarray, target: np.ndarray) -> None:
    plot_predictions = get_function(module, "plot_predictions")
    what = "plot_predictions(prediction, target, path)"
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "predictions.png"
        plot_predictions(
            torch.from_numpy(prediction).float(), torch.from_numpy(target).float(), path
        )
        axes = saved_to(figures, path, what).axes[0]
    expected = np.concatenate([target, prediction], axis=1)
    if not any(
        p.shape == expected.shape and np.allclose(p, expected, atol=1e-4) for p in axes.points
    ):
        raise CheckFailed(
            f"{what}: expected a scatter plot of the points (target, prediction), observed y "
            "along x; your scatter calls drew other points"
        )
    if not any(len(line.x) >= 2 and np.allclose(line.x, line.y, atol=1e-4) for line in axes.lines):
        raise CheckFailed(f"{what}: draw the line prediction = target, where perfect points lie")
    if not (axes.title and axes.xlabel and axes.ylabel):
        raise CheckFailed(f"{what}: give the plot a title and label both axes")
    if len(axes.legend) < 2:
        raise CheckFailed(f"{what}: add a legend naming the points and the line")


def check(module: ModuleType) -> None:
    target = np.array([[1.0], [2.0], [4.0], [7.0]])
    check_r2(module, target.copy(), target)  # perfect: 1
    check_r2(module, np.full_like(target, target.mean()), target)  # the mean: 0
    for prediction, target in random_cases(44, 6, random_pair):
        check_r2(module, prediction, target)
    check_plot(module, *random_pair(np.random.default_rng(45)))
