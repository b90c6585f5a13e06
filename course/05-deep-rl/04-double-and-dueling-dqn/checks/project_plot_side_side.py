"""Check of the project exercise: moving averages placed at the steps where their windows
end, on seeded runs; one panel per variant, titled, one line per seed, shared y limits."""

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

Run = tuple[np.ndarray, np.ndarray]


def make_run(rng: np.random.Generator) -> Run:
    episodes = int(rng.integers(12, 40))
    steps = np.cumsum(rng.integers(60, 400, size=episodes))  # episodes of different lengths
    return steps, rng.normal(0, 100, size=episodes)


def reference(run: Run, window: int) -> tuple[np.ndarray, np.ndarray]:
    steps, returns = run
    averages = [returns[i : i + window].mean() for i in range(len(returns) - window + 1)]
    return steps[window - 1 :], np.array(averages)


def check_smoothed(smoothed: Callable[..., Any]) -> None:
    for index, run in enumerate(random_cases(57, 5, make_run)):
        window = 2 + index
        what = f"smoothed(<run of {len(run[0])} episodes>, window={window})"
        got_steps, got_mean = (np.asarray(part, dtype=np.float64) for part in smoothed(run, window))
        steps, mean = reference(run, window)
        expect_close(got_mean, mean, f"{what}: the moving averages")
        if got_steps.shape == steps.shape and np.allclose(got_steps, run[0][: len(mean)]):
            raise CheckFailed(
                f"{what} places each average at the step where its window's first episode "
                "ended; place it where the last one ended (the average is known only then)"
            )
        if np.allclose(got_steps, np.arange(len(mean))) or np.allclose(
            got_steps, np.arange(window, len(run[0]) + 1)
        ):
            raise CheckFailed(
                f"{what} returns episode numbers on x; return environment steps (episodes "
                "have different lengths, and the variants are compared per step)"
            )
        expect_close(got_steps, steps, f"{what}: the steps")


def check_plot(plot_side_by_side: Callable[..., Any]) -> None:
    rng = np.random.default_rng(9)
    runs = {
        "DQN": [make_run(rng) for _ in range(3)],
        "Double DQN": [make_run(rng) for _ in range(2)],
        "Dueling DQN": [make_run(rng) for _ in range(3)],
    }
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "curves.png"
        plot_side_by_side(runs, 4, path)
        figure = saved_to(figures, path, "plot_side_by_side")
    expect_equal(len(figure.axes), len(runs), "panels in the figure (one per variant)")
    for axes, (name, group) in zip(figure.axes, runs.items(), strict=True):
        expect_equal(axes.title, name, "the panel's title (its variant, in the order given)")
        expect_equal(len(axes.lines), len(group), f"lines in the {name!r} panel (one per seed)")
        for line, run in zip(axes.lines, group, strict=True):
            steps, mean = reference(run, 4)
            expect_close(line.x, steps, f"x of a {name!r} line (environment steps)")
            expect_close(line.y, mean, f"y of a {name!r} line (4-episode means)")
        expect_true(bool(axes.xlabel), f"label the x axis of the {name!r} panel")
    expect_true(bool(figure.axes[0].ylabel), "label the y axis of the first panel")


def check(module: ModuleType) -> None:
    check_smoothed(get_function(module, "smoothed"))
    check_plot(get_function(module, "plot_side_by_side"))
