"""Check of exercise 4: curve_on_grid places each window at its last episode and
interpolates, mean_and_band uses the sample standard error, and the figure shows the mean,
the band, labels and a legend."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    expect_close,
    expect_shape,
    expect_true,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)


def reference_curve(
    returns: np.ndarray, end_steps: np.ndarray, window: int, grid: np.ndarray
) -> np.ndarray:
    smooth = np.array([returns[i : i + window].mean() for i in range(len(returns) - window + 1)])
    return np.interp(grid, end_steps[window - 1 :].astype(float), smooth)


def check_curves(module: ModuleType) -> None:
    curve_on_grid = get_function(module, "curve_on_grid")

    def case(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, np.ndarray]:
        episodes = int(rng.integers(20, 60))
        end_steps = np.cumsum(rng.integers(5, 40, size=episodes))
        window = int(rng.integers(2, 8))
        grid = np.sort(rng.uniform(end_steps[window - 1], end_steps[-1], size=15))
        return rng.normal(0, 5, size=episodes), end_steps, window, grid

    for returns, end_steps, window, grid in random_cases(64, 30, case):
        got = np.asarray(
            curve_on_grid(returns.tolist(), end_steps.tolist(), window, grid), dtype=float
        )
        expect_shape(got, grid.shape, "curve_on_grid(...)")
        expect_close(
            got,
            reference_curve(returns, end_steps, window, grid),
            f"curve_on_grid with window {window}: the moving average of returns[i:i+window] "
            "belongs to the step where episode i + window - 1 ended (end_steps[window - 1:])",
        )


def check_band(module: ModuleType) -> None:
    mean_and_band = get_function(module, "mean_and_band")
    for curves in random_cases(65, 10, lambda rng: rng.normal(size=(int(rng.integers(3, 7)), 12))):
        mean, error = mean_and_band(curves.copy())
        expect_shape(np.asarray(mean), (12,), "mean_and_band(...)[0], the mean")
        expect_close(np.asarray(mean), curves.mean(axis=0), "the mean over seeds (axis 0)")
        expect_close(
            np.asarray(error),
            curves.std(axis=0, ddof=1) / np.sqrt(curves.shape[0]),
            f"the standard error over {curves.shape[0]} seeds: sample std (ddof=1) / sqrt(seeds)",
        )


def check_figure(module: ModuleType) -> None:
    plot = get_function(module, "plot_learning_curves")
    rng = np.random.default_rng(66)
    grid = np.linspace(100, 1000, 10)
    curves = rng.normal(size=(4, 10)) + np.linspace(0, 5, 10)
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "curves.png"
        plot(grid, curves, path)
        figure = saved_to(figures, path, "plot_learning_curves")
    axes = figure.axes[0]
    expect_true(bool(axes.xlabel) and bool(axes.ylabel), "the figure needs both axis labels")
    expect_true(bool(figure.suptitle or axes.title), "the figure needs a title")
    means = [line for line in axes.lines if np.allclose(line.y, curves.mean(axis=0))]
    expect_true(bool(means), "no plotted line is the mean of the curves over seeds (axis 0)")
    expect_true(len(axes.fills) >= 1, "no band: draw mean ± standard error with fill_between")
    error = curves.std(axis=0, ddof=1) / 2.0
    band = axes.fills[0]
    top = band[:, 1].max()
    expect_close(
        float(top),
        float((curves.mean(axis=0) + error).max()),
        "the top of the band: mean + one standard error",
        1e-6,
    )
    expect_true(len(axes.legend) >= 2, "the legend should name the mean and the band")


def check(module: ModuleType) -> None:
    check_curves(module)
    check_band(module)
    check_figure(module)
