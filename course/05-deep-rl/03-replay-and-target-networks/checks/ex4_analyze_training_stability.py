"""Check of exercise 4: rolling sample variances against a loop written here, on seeded
returns; the figure's lines, their x positions, axis labels and legend."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

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


def reference(returns: np.ndarray, window: int) -> np.ndarray:
    """One window at a time: sum of squared deviations over window - 1."""
    values = []
    for start in range(len(returns) - window + 1):
        chunk = returns[start : start + window]
        values.append(((chunk - chunk.mean()) ** 2).sum() / (window - 1))
    return np.array(values)


def make_returns(rng: np.random.Generator) -> tuple[np.ndarray, int]:
    return rng.uniform(5, 500, size=int(rng.integers(12, 40))), int(rng.integers(2, 10))


def check_variance(rolling_variance: object) -> None:
    assert callable(rolling_variance)
    cases = [(np.array([1.0, 3.0, 5.0, 11.0]), 2), *random_cases(17, 6, make_returns)]
    for returns, window in cases:
        got = np.asarray(rolling_variance(returns, window), dtype=np.float64)
        expected = reference(returns, window)
        what = f"rolling_variance(<{len(returns)} returns>, window={window})"
        expect_equal(got.shape, expected.shape, f"{what}: shape (len(returns) - window + 1,)")
        population = expected * (window - 1) / window
        if np.allclose(got, population) and not np.allclose(got, expected):
            raise CheckFailed(
                f"{what} is the population variance (divides by window); use the sample "
                "variance, ddof=1, as the stated formula does"
            )
        if np.allclose(got, np.sqrt(expected)):
            raise CheckFailed(
                f"{what} looks like the standard deviation: the variance is its square, "
                "not its square root"
            )
        expect_close(got, expected, what, rtol=1e-6)


def check_plot(plot_variance: object) -> None:
    assert callable(plot_variance)
    rng = np.random.default_rng(4)
    runs = {"steady": rng.normal(200, 5, size=30), "shaky": rng.normal(200, 80, size=25)}
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "variance.png"
        plot_variance(runs, 5, path)
        figure = saved_to(figures, path, "plot_variance")
    lines = figure.lines()
    expect_equal(len(lines), 2, "lines in the figure (one per run)")
    for line, (name, returns) in zip(lines, runs.items(), strict=True):
        expect_close(line.y, reference(returns, 5), f"the y values of the line for {name!r}")
        expected_x = np.arange(5, len(returns) + 1)
        if not np.array_equal(line.x, expected_x):
            raise CheckFailed(
                f"the line for {name!r} starts at x = {line.x[0]:g}: x should be the episode "
                f"that ends each window, {expected_x[0]}, {expected_x[1]}, ... (episodes from 1)"
            )
    axes = figure.axes[0]
    expect_true(bool(axes.xlabel and axes.ylabel), "label both axes of the variance figure")
    expect_true(bool(figure.titles()[0] or axes.title), "give the variance figure a title")
    expect_equal(axes.legend, list(runs), "the legend's entries (the run names, in order)")


def check(module: ModuleType) -> None:
    check_variance(get_function(module, "rolling_variance"))
    check_plot(get_function(module, "plot_variance"))
