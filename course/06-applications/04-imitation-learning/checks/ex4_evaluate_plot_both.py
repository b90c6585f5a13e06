"""Check of exercise 4: the summary against NumPy on seeded arrays, and the figure through
what it drew: a line of means and a band of one standard error per method."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_true,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)


def returns_case(rng: np.random.Generator) -> np.ndarray:
    seeds, points = int(rng.integers(3, 7)), int(rng.integers(4, 9))
    return rng.uniform(10, 500, size=(seeds, points)).round(1)


def check_summarise(summarise: Any) -> None:
    for returns in [
        np.array([[10.0, 200.0, 480.0], [30.0, 260.0, 500.0]]),
        *random_cases(64, 5, returns_case),
    ]:
        what = f"summarise of a ({returns.shape[0]} seeds, {returns.shape[1]} points) array"
        pair = expect_type(summarise(returns.copy()), tuple, what)
        mean, se = (np.asarray(v, dtype=np.float64) for v in pair)
        n = returns.shape[0]
        if mean.shape == (n,):
            raise CheckFailed(
                f"{what}: the mean has one value per seed; average over axis 0 (the seeds)"
            )
        expect_close(mean, returns.mean(axis=0), f"{what}: the mean")
        right = returns.std(axis=0, ddof=1) / np.sqrt(n)
        if np.allclose(se, returns.std(axis=0, ddof=0) / np.sqrt(n)):
            raise CheckFailed(f"{what}: the standard error uses the population std; use ddof=1")
        if np.allclose(se, returns.std(axis=0, ddof=1)):
            raise CheckFailed(f"{what}: that is the standard deviation; divide it by sqrt(seeds)")
        expect_close(se, right, f"{what}: the standard error")


def check_plot(plot_curves: Any) -> None:
    rng = np.random.default_rng(65)
    curves = {
        "cloning": (np.array([25, 50, 100, 200]), rng.uniform(50, 500, size=(4, 4)).round()),
        "RL": (np.array([100, 1_000, 10_000]), rng.uniform(10, 300, size=(3, 3)).round()),
    }
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "curves.png"
        plot_curves(curves, path)
        figure = saved_to(figures, path, "plot_curves")
    expect_true(len(figure.axes) >= 1, "plot_curves drew no axes")
    axes = figure.axes[0]
    for name, (steps, returns) in curves.items():
        mean = returns.mean(axis=0)
        se = returns.std(axis=0, ddof=1) / np.sqrt(len(returns))
        lines = [
            line for line in axes.lines if line.y.shape == mean.shape and np.allclose(line.y, mean)
        ]
        expect_true(bool(lines), f"draw {name}'s mean over seeds {mean.tolist()} as a line")
        expect_close(lines[0].x, steps.astype(np.float64), f"the x of {name}'s line (its steps)")
        expect_true(
            lines[0].label == name, f"label {name}'s line {name!r} (got {lines[0].label!r})"
        )
        bands = [fill for fill in axes.fills if np.isclose(fill[:, 1].max(), (mean + se).max())]
        expect_true(
            any(np.isclose(fill[:, 1].min(), (mean - se).min()) for fill in bands),
            f"draw {name}'s band from mean - s.e. to mean + s.e. with fill_between "
            f"(its top should reach {(mean + se).max():.1f}, its bottom {(mean - se).min():.1f})",
        )
    expect_true(
        bool(axes.xlabel and axes.ylabel),
        f"label both axes (x: {axes.xlabel!r}, y: {axes.ylabel!r})",
    )
    expect_true(
        sorted(axes.legend) == sorted(curves), f"a legend naming each method, got {axes.legend}"
    )


def check(module: ModuleType) -> None:
    check_summarise(get_function(module, "summarise"))
    check_plot(get_function(module, "plot_curves"))
