"""Check of exercise 4 of Part 6.3: value_path records the value at the reset and after each
step; plot_mean_values draws each strategy's mean over paths against t = 0 .. steps, with a
band of one sample standard error, the start line, labels, a title and a legend."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    PlottedLine,
    expect_close,
    expect_shape,
    expect_true,
    get_function,
    recorded_figures,
    saved_to,
)
from rlcourse.envs.trading import TradingEnv


def reference_values(env: TradingEnv, actions: np.ndarray, seed: int) -> np.ndarray:
    env.reset(seed=seed)
    values = [1.0]
    for action in actions:
        values.append(float(env.step(int(action))[4]["value"]))
    return np.array(values)


def scripted(actions: np.ndarray) -> Callable[[np.ndarray], int]:
    """A policy that plays ``actions`` in order, whatever it sees (as the reference does)."""
    moves = iter(actions.tolist())
    return lambda observation: next(moves)


def check_value_path(value_path: Callable[..., Any]) -> None:
    for seed, steps in ((3, 12), (4, 30)):
        actions = np.random.default_rng(seed).integers(3, size=steps)
        env = TradingEnv("mean_reverting", steps=steps)
        got = np.asarray(value_path(env, scripted(actions), seed), dtype=np.float64)
        expect_shape(
            got,
            (steps + 1,),
            f"value_path on {steps} steps: the value at the reset, then one per step",
        )
        expect_close(
            got,
            reference_values(TradingEnv("mean_reverting", steps=steps), actions, seed),
            "value_path: 1.0, then info['value'] after each step",
        )


def matching(lines: list[PlottedLine], mean: np.ndarray) -> list[PlottedLine]:
    return [line for line in lines if len(line.y) == len(mean) and np.allclose(line.y, mean)]


def check_plot(plot: Callable[..., Any]) -> None:
    rng = np.random.default_rng(41)
    steps, paths = 25, 9  # different lengths, so the mean over the wrong axis cannot match
    curves = {
        "agent": 1 + np.cumsum(rng.normal(0.002, 0.01, size=(paths, steps + 1)), axis=1),
        "random": 1 + np.cumsum(rng.normal(-0.003, 0.01, size=(paths, steps + 1)), axis=1),
    }
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "values.png"
        try:
            plot({name: values.copy() for name, values in curves.items()}, path)
        except ValueError as error:
            if "same first dimension" not in str(error):
                raise
            raise CheckFailed(
                f"matplotlib: {error}. With {paths} paths of {steps + 1} values, the mean of "
                "each step over the paths (axis 0) has one point per step"
            ) from error
        figure = saved_to(figures, path, "plot_mean_values")
    axes = figure.axes[0]
    expect_true(bool(axes.xlabel) and bool(axes.ylabel), "the figure needs both axis labels")
    expect_true(bool(figure.suptitle or axes.title), "the figure needs a title")
    for name, values in curves.items():
        mean = values.mean(axis=0)
        lines = matching(axes.lines, mean)
        expect_true(
            bool(lines),
            f"no plotted line is the mean of curves[{name!r}] over the paths (axis 0), "
            f"{steps + 1} points",
        )
        expect_close(
            lines[0].x,
            np.arange(steps + 1, dtype=np.float64),
            f"the x values of {name!r}: the steps t = 0 .. {steps} "
            "(the value at the reset is t = 0)",
        )
        expect_true(name in axes.legend, f"the legend should name {name!r}, got {axes.legend}")
        sample = values.std(axis=0, ddof=1) / np.sqrt(paths)
        population = values.std(axis=0) / np.sqrt(paths)
        tops = [float(fill[:, 1].max()) for fill in axes.fills]
        if any(np.isclose(top, float((mean + population).max())) for top in tops):
            expect_true(
                False,
                f"the band of {name!r} uses the population standard deviation (ddof=0); the "
                "standard error of a mean over paths uses the sample one, ddof=1",
            )
        expect_true(
            any(np.isclose(top, float((mean + sample).max())) for top in tops),
            f"no band reaches mean + one standard error of {name!r}: fill_between "
            "mean - error and mean + error, error = sample std over paths / sqrt(paths)",
        )
    starts = [line for line in axes.lines if np.allclose(line.y, 1.0)]
    expect_true(bool(starts), "draw the starting value 1.0 as a line (axhline)")


def check(module: ModuleType) -> None:
    check_value_path(get_function(module, "value_path"))
    check_plot(get_function(module, "plot_mean_values"))
