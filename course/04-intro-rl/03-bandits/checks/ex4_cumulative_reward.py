"""Check for exercise 4: cumulative curves, regret from a history, the band, overtaking, plot."""

from __future__ import annotations

import math
import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_png,
    expect_shape,
    expect_type,
    get_function,
)


def check_cumulative(module: ModuleType) -> None:
    cumulative_rewards = get_function(module, "cumulative_rewards")
    rewards = np.array([[1.0, 0.0, 1.0, 1.0], [0.0, 0.0, 1.0, 0.0]], dtype=np.float32)
    what = f"cumulative_rewards({rewards.tolist()})"
    got = expect_type(cumulative_rewards(rewards), np.ndarray, what)
    expect_shape(got, (2, 4), what)
    expect_close(got, np.array([[1.0, 1.0, 2.0, 3.0], [0.0, 0.0, 1.0, 1.0]]), what)


def check_regret(module: ModuleType) -> None:
    regret_from_history = get_function(module, "regret_from_history")
    arms = np.array([[0, 1, 1], [2, 2, 1]])
    means = np.array([0.2, 0.5, 0.4])  # gaps by hand: [0.3, 0.0, 0.1]
    what = f"regret_from_history(arms={arms.tolist()}, means={means.tolist()})"
    got = expect_type(regret_from_history(arms, means), np.ndarray, what)
    expect_shape(got, (2, 3), what)
    expect_close(got, np.array([[0.3, 0.3, 0.3], [0.1, 0.2, 0.2]]), what)


def check_band(module: ModuleType) -> None:
    mean_and_band = get_function(module, "mean_and_band")
    curves = np.array([[1.0, 2.0], [3.0, 6.0], [5.0, 10.0]])
    what = f"mean_and_band({curves.tolist()})"
    result = expect_type(mean_and_band(curves), tuple, what)
    if len(result) != 2:
        raise CheckFailed(f"{what}: expected a pair (mean, half width), got {len(result)} values")
    mean, half_width = result
    expect_close(mean, np.array([3.0, 6.0]), f"{what}, the mean")
    # Sample standard deviations (ddof=1) are 2 and 4; n = 3 runs.
    expected = 1.96 * np.array([2.0, 4.0]) / math.sqrt(3)
    expect_close(half_width, expected, f"{what}, the half width 1.96 s / sqrt(n) (s with ddof=1)")


def check_overtaking(module: ModuleType) -> None:
    overtaking_step = get_function(module, "overtaking_step")
    reference = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
    cases: list[tuple[list[float], int | None]] = [
        ([2.0, 3.0, 2.5, 3.5, 4.5, 5.0], 3),  # below from step 3 on (steps count from 1)
        ([0.5, 3.0, 2.5, 4.5, 4.5, 5.0], 5),  # below at step 1, but not at step 4
        ([0.5, 1.0, 2.0, 3.0, 4.0, 5.0], 1),  # below all the way
        ([0.5, 1.0, 2.0, 3.0, 4.0, 6.0], None),  # equal at the end is not below
        ([2.0, 3.0, 4.0, 5.0, 6.0, 7.0], None),
    ]
    for curve, expected in cases:
        got = overtaking_step(np.array(curve), reference)
        expect_equal(got, expected, f"overtaking_step({curve}, reference={reference.tolist()})")


def check_plot(module: ModuleType) -> None:
    plot_cumulative = get_function(module, "plot_cumulative")
    rng = np.random.default_rng(6)
    curves = {
        "a": np.cumsum(rng.random((5, 30)), axis=1),
        "b": np.cumsum(rng.random((5, 30)), axis=1),
    }
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cumulative.png"
        plot_cumulative(curves, "cumulative reward", path)
        expect_png(path, "plot_cumulative")


def check(module: ModuleType) -> None:
    check_cumulative(module)
    check_regret(module)
    check_band(module)
    check_overtaking(module)
    check_plot(module)
