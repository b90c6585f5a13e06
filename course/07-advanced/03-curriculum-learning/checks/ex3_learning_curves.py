"""Check of exercise 3: the mean and standard-error band on seeded random curves, then
the figure's lines, filled bands, labels and legend."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_true,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)


def check_band(band: Callable[..., Any]) -> None:
    cases = random_cases(
        733, 6, lambda rng: rng.random((int(rng.integers(3, 8)), int(rng.integers(4, 12))))
    )
    for number, curves in enumerate(cases):
        result = band(curves)
        if not isinstance(result, tuple) or len(result) != 3:
            raise CheckFailed("mean_and_band: expected (mean, low, high)")
        mean, low, high = (np.asarray(part) for part in result)
        expect_close(
            mean, curves.mean(axis=0), f"random case {number}: the mean over seeds (axis 0)"
        )
        half = (high - low) / 2
        n = curves.shape[0]
        population = curves.std(axis=0) / np.sqrt(n)
        if half.shape == population.shape and np.allclose(half, population):
            raise CheckFailed(
                f"random case {number}: your standard error uses the population standard "
                "deviation; use the sample one, ddof=1 (n - 1), as in Part 1.2"
            )
        if half.shape == population.shape and np.allclose(half, curves.std(axis=0, ddof=1)):
            raise CheckFailed(
                f"random case {number}: your band is ± one standard deviation; the standard "
                "error divides it by sqrt(number of seeds)"
            )
        expected = curves.std(axis=0, ddof=1) / np.sqrt(n)
        expect_close(low, curves.mean(axis=0) - expected, f"random case {number}: low")
        expect_close(high, curves.mean(axis=0) + expected, f"random case {number}: high")


def reference_grid(steps: np.ndarray, values: np.ndarray, grid: np.ndarray) -> np.ndarray:
    out = np.zeros((len(steps), len(grid)))
    for seed in range(len(steps)):
        for k, g in enumerate(grid):
            done = np.flatnonzero(steps[seed] <= g)
            out[seed, k] = values[seed, done[-1]] if done.size else 0.0
    return out


def check_grid(on_grid: Callable[..., Any]) -> None:
    for number in range(6):
        rng = np.random.default_rng(900 + number)
        seeds, points = int(rng.integers(2, 6)), int(rng.integers(3, 9))
        steps = np.cumsum(rng.integers(5, 40, (seeds, points)), axis=1)
        values = rng.random((seeds, points))
        grid = np.concatenate([[0], np.sort(rng.integers(0, steps.max() + 20, 12)), steps[0, :2]])
        grid = np.sort(grid)
        got = np.asarray(on_grid(steps, values, grid))
        expected = reference_grid(steps, values, grid)
        interpolated = np.array([np.interp(grid, s, v) for s, v in zip(steps, values, strict=True)])
        if (
            got.shape == expected.shape
            and np.allclose(got, interpolated)
            and not np.allclose(got, expected)
        ):
            raise CheckFailed(
                f"random case {number}: on_step_grid interpolates between evaluations; a "
                "success is known only once it was evaluated: keep the last value at or before"
            )
        expect_close(
            got,
            expected,
            f"random case {number}: on_step_grid (the last value evaluated at or before each "
            "grid step, a grid step equal to an evaluation's included; 0 before the first)",
        )


def check_plot(plot: Callable[..., Any]) -> None:
    rng = np.random.default_rng(3)
    episodes = np.arange(5, 55, 5)
    curves = {"curriculum": rng.random((4, 10)), "none": rng.random((4, 10)) * 0.2}
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "curves.png"
        plot(curves, episodes, path)
        saved = saved_to(figures, path, "plot_learning_curves")
    lines = [line for axes in saved.axes for line in axes.lines]
    expect_equal(sorted(line.label for line in lines), sorted(curves), "the lines' labels")
    for line in lines:
        runs = curves[line.label]
        expect_close(line.x, episodes, f"x of '{line.label}' (the grid)")
        expect_close(line.y, runs.mean(axis=0), f"y of '{line.label}' (the mean over seeds)")
    axes = saved.axes[0]
    expect_equal(len(axes.fills), 2, "filled bands (fill_between), one per entry")
    expect_true(bool(axes.xlabel and axes.ylabel), "plot_learning_curves: label both axes")
    expect_true(bool(axes.title or saved.suptitle), "plot_learning_curves: give it a title")
    expect_equal(sorted(axes.legend), sorted(curves), "the legend's entries")


def check(module: ModuleType) -> None:
    check_band(get_function(module, "mean_and_band"))
    check_grid(get_function(module, "on_step_grid"))
    check_plot(get_function(module, "plot_learning_curves"))
