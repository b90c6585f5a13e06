"""Check for exercise 4: cumulative curves, regret from a history, the band and the
overtaking step (fixed cases and random ones against a reference), and the plot's data."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_dtype,
    expect_equal,
    expect_shape,
    expect_true,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)


def check_cumulative(module: ModuleType) -> None:
    cumulative_rewards = get_function(module, "cumulative_rewards")
    fixed = np.array([[1.0, 0.0, 1.0, 1.0], [0.0, 0.0, 1.0, 0.0]], dtype=np.float32)
    randoms = random_cases(35, 2, lambda rng: rng.random((3, 12)).astype(np.float32))
    for rewards in [fixed, *randoms]:
        what = f"cumulative_rewards({np.round(rewards, 3).tolist()}) (float32)"
        got = expect_type(cumulative_rewards(rewards), np.ndarray, what)
        expect_shape(got, rewards.shape, what)
        expect_dtype(got, np.float64, what)
        expect_close(got, np.cumsum(rewards.astype(np.float64), axis=1), f"{what}, along steps")


def check_regret(module: ModuleType) -> None:
    regret_from_history = get_function(module, "regret_from_history")

    def history(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        return rng.integers(0, 4, size=(3, 10)), rng.random(4)

    fixed = (np.array([[0, 1, 1], [2, 2, 1]]), np.array([0.2, 0.5, 0.4]))
    for arms, means in [fixed, *random_cases(36, 2, history)]:
        what = f"regret_from_history(arms={arms.tolist()}, means={np.round(means, 3).tolist()})"
        got = expect_type(regret_from_history(arms, means), np.ndarray, what)
        expect_shape(got, arms.shape, what)
        gaps = means.max() - means
        expect_close(got, np.cumsum(gaps[arms], axis=1), f"{what} (Σ over s <= t of Δ(A_s))")


def check_band(module: ModuleType) -> None:
    mean_and_band = get_function(module, "mean_and_band")
    fixed = np.array([[1.0, 2.0], [3.0, 6.0], [5.0, 10.0]])
    for curves in [fixed, *random_cases(37, 2, lambda rng: rng.normal(size=(6, 5)))]:
        what = f"mean_and_band({np.round(curves, 3).tolist()})"
        result = expect_type(mean_and_band(curves), tuple, what)
        if len(result) != 2:
            raise CheckFailed(f"{what}: expected a pair (mean, half width), got {len(result)}")
        mean, half_width = result
        expect_close(mean, curves.mean(axis=0), f"{what}, the mean over runs")
        n = len(curves)
        if np.allclose(half_width, 1.96 * curves.std(axis=0) / np.sqrt(n)):
            raise CheckFailed(f"{what}: the half width uses s with ddof=0; use ddof=1")
        expected = 1.96 * curves.std(axis=0, ddof=1) / np.sqrt(n)
        expect_close(half_width, expected, f"{what}, the half width 1.96 s / sqrt(n)")


def reference_overtaking(curve: np.ndarray, reference: np.ndarray) -> int | None:
    below = curve < reference
    if not below[-1]:
        return None
    step = len(below)
    while step > 1 and below[step - 2]:
        step -= 1
    return step


def check_overtaking(module: ModuleType) -> None:
    overtaking_step = get_function(module, "overtaking_step")
    reference = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
    cases: list[tuple[np.ndarray, np.ndarray]] = [
        (np.array(curve), reference)
        for curve in (
            [2.0, 3.0, 2.5, 3.5, 4.5, 5.0],  # below from step 3 on (steps count from 1)
            [0.5, 3.0, 2.5, 4.5, 4.5, 5.0],  # below at step 1, but not at step 4
            [0.5, 1.0, 2.0, 3.0, 4.0, 5.0],  # below all the way
            [0.5, 1.0, 2.0, 3.0, 4.0, 6.0],  # equal at the end is not below
            [2.0, 3.0, 4.0, 5.0, 6.0, 7.0],
        )
    ]
    cases += random_cases(38, 6, lambda rng: (rng.integers(0, 3, size=8) * 1.0, np.ones(8)))
    for curve, ref in cases:
        got = overtaking_step(curve, ref)
        expect_equal(
            got,
            reference_overtaking(curve, ref),
            f"overtaking_step({curve.tolist()}, reference={ref.tolist()}) (the first step, "
            "counting from 1, of the final stretch below)",
        )


def check_plot(module: ModuleType) -> None:
    plot_cumulative = get_function(module, "plot_cumulative")
    rng = np.random.default_rng(6)
    curves = {
        "a": np.cumsum(rng.random((5, 30)), axis=1),
        "b": np.cumsum(rng.random((5, 30)) * 0.5, axis=1),
    }
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "cumulative.png"
        plot_cumulative(curves, "cumulative reward", path)
        figure = saved_to(figures, path, "plot_cumulative")
    fills = [fill for axes in figure.axes for fill in axes.fills]
    for name, values in curves.items():
        mean = values.mean(axis=0)
        half = 1.96 * values.std(axis=0, ddof=1) / np.sqrt(len(values))
        drawn = [line for line in figure.lines() if np.allclose(line.y, mean)]
        expect_true(
            len(drawn) == 1,
            f"plot_cumulative: no line of the figure is the mean curve of {name!r} over runs",
        )
        expect_close(
            drawn[0].x[[0, -1]], np.array([1.0, 30.0]), f"the steps of {name!r}'s mean curve"
        )
        expect_true(
            any(
                np.isclose(fill[:, 1].min(), (mean - half).min())
                and np.isclose(fill[:, 1].max(), (mean + half).max())
                for fill in fills
            ),
            f"plot_cumulative: no filled band spans {name!r}'s mean ± half width "
            "(fill_between(t, mean - half_width, mean + half_width))",
        )
    axes = figure.axes[0]
    expect_equal(axes.ylabel, "cumulative reward", "the y-axis label (the ylabel argument)")


def check(module: ModuleType) -> None:
    check_cumulative(module)
    check_regret(module)
    check_band(module)
    check_overtaking(module)
    check_plot(module)
