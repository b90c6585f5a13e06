"""Check of exercise 3: the smoothed average against a reference on fixed and seeded
sequences, and the figure through the lines it draws."""

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


def reference(
    values: list[float], weight: float, debias: bool = True, swap: bool = False
) -> np.ndarray:
    """The debiased exponential moving average, written as a weighted sum (not recursively):
    s_i = sum_j (1 - w) w^(i-j) x_j / (1 - w^(i+1)); ``debias``/``swap`` give the usual mistakes."""
    old, new = (1 - weight, weight) if swap else (weight, 1 - weight)
    out = []
    for i in range(len(values)):
        total = sum(new * old ** (i - j) * values[j] for j in range(i + 1))
        out.append(total / (1 - weight ** (i + 1)) if debias else total)
    return np.array(out)


def sequence(rng: np.random.Generator) -> tuple[list[float], float]:
    values = rng.normal(100, 40, size=int(rng.integers(5, 30))).round(1).tolist()
    return values, float(rng.choice([0.6, 0.8, 0.9]))


def check_smoothed(smoothed: Any) -> None:
    cases = [([10.0, 20.0, 30.0], 0.5), *random_cases(21, 5, sequence)]
    for values, weight in cases:
        what = f"smoothed({values[:6]}{'...' if len(values) > 6 else ''}, {weight})"
        got = expect_type(smoothed(values, weight), np.ndarray, what)
        right = reference(values, weight)
        if got.shape == right.shape and not np.allclose(got, right, atol=1e-6):
            if np.allclose(got, reference(values, weight, debias=False), atol=1e-6):
                raise CheckFailed(
                    f"{what}: got {got[:3].round(3).tolist()}..., the average without the bias "
                    "correction: starting from m = 0 pulls the first averages towards 0; divide "
                    "m_i by 1 - weight^(i+1)"
                )
            if np.allclose(got, reference(values, weight, swap=True), atol=1e-6):
                raise CheckFailed(
                    f"{what}: the weights are swapped: `weight` multiplies the previous average "
                    "m_(i-1), and 1 - weight the new value"
                )
        expect_close(got, right, what)


def check_plot(plot_rewards: Any) -> None:
    returns, weight = [12.0, 30.0, 18.0, 45.0, 80.0, 60.0], 0.7
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "rewards.png"
        average = plot_rewards(returns, weight, path)
        figure = saved_to(figures, path, "plot_rewards")
    expect_close(np.asarray(average), reference(returns, weight), "plot_rewards's returned average")
    lines = figure.lines()
    drawn = [line for line in lines if np.allclose(line.y, returns)]
    expect_true(
        len(drawn) == 1,
        f"draw each episode's total reward {returns} as one line; your "
        f"lines have y = {[line.y.round(2).tolist() for line in lines]}",
    )
    smooth = [
        line
        for line in lines
        if line.y.size == 6 and np.allclose(line.y, reference(returns, weight))
    ]
    expect_true(len(smooth) == 1, "draw the smoothed average as a line of its own")
    expect_close(drawn[0].x, np.arange(1, 7), "the x of the rewards (episodes numbered from 1)")
    axes = figure.axes[0]
    expect_true(
        bool(axes.xlabel and axes.ylabel),
        f"label both axes (x: {axes.xlabel!r}, y: {axes.ylabel!r})",
    )
    expect_true(bool(axes.legend), "add a legend: the figure has two lines")


def check(module: ModuleType) -> None:
    check_smoothed(get_function(module, "smoothed"))
    check_plot(get_function(module, "plot_rewards"))
