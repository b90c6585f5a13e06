"""Check of exercise 4: returns-to-go against a direct sum on seeded episodes (discounted,
backwards from the end, R_{t+1} undiscounted); the scatter's points, axes and legend."""

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


def reference(rewards: np.ndarray, gamma: float) -> np.ndarray:
    """G_t = sum over k >= 0 of gamma^k R_{t+k+1}, one sum per step."""
    steps = len(rewards)
    return np.array(
        [sum(gamma**k * rewards[t + k] for k in range(steps - t)) for t in range(steps)]
    )


def make_episode(rng: np.random.Generator) -> tuple[np.ndarray, float]:
    return rng.normal(0, 10, size=int(rng.integers(3, 30))), float(rng.uniform(0.5, 0.99))


def check_returns(returns_to_go: Callable[..., Any]) -> None:
    cases = [(np.array([1.0, 0.0, 2.0]), 0.5), *random_cases(56, 6, make_episode)]
    for rewards, gamma in cases:
        what = f"returns_to_go(<{len(rewards)} rewards>, gamma={gamma:.3f})"
        got = np.asarray(returns_to_go(rewards, gamma), dtype=np.float64)
        expected = reference(rewards, gamma)
        expect_equal(got.shape, expected.shape, f"{what}: shape (T,)")
        if np.allclose(got, np.cumsum(rewards[::-1])[::-1]):
            raise CheckFailed(f"{what} adds the rewards without discounting them by gamma")
        if np.allclose(got, gamma * expected):
            raise CheckFailed(
                f"{what} discounts R_{{t+1}} too: G_t = R_{{t+1}} + gamma G_{{t+1}}, the first "
                "reward counts in full"
            )
        if not np.isclose(got[-1], rewards[-1]):
            raise CheckFailed(
                f"{what}: the last step's return should be its own reward, {rewards[-1]:.3f}, "
                f"got {got[-1]:.3f}: accumulate backwards, from the end of the episode"
            )
        expect_close(got, expected, what, rtol=1e-6)


def check_plot(plot_q_against_returns: Callable[..., Any]) -> None:
    rng = np.random.default_rng(8)
    pairs = {
        "early": (rng.normal(60, 30, size=40), rng.normal(0, 40, size=40)),
        "late": (rng.normal(20, 20, size=30), rng.normal(10, 30, size=30)),
    }
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "q.png"
        plot_q_against_returns(pairs, path)
        figure = saved_to(figures, path, "plot_q_against_returns")
    axes = figure.axes[0]
    expect_equal(len(axes.points), len(pairs), "scatter calls (one per network)")
    for points, (name, (predicted, realised)) in zip(axes.points, pairs.items(), strict=True):
        if np.allclose(points, np.column_stack([predicted, realised])):
            raise CheckFailed(
                f"the points for {name!r} are (predicted, realised): put the realised return "
                "on x and the predicted Q on y"
            )
        expect_close(points, np.column_stack([realised, predicted]), f"the points for {name!r}")
    expect_true(bool(axes.xlabel and axes.ylabel), "label both axes of the figure")
    expect_true(bool(figure.titles()[0] or axes.title), "give the figure a title")
    expect_true(len(axes.lines) >= 1, "draw the line Q = G, so that bias shows as distance")
    line = axes.lines[0]
    expect_close(line.y, line.x, "the line Q = G (its y must equal its x)")
    expect_equal(axes.legend[: len(pairs)], list(pairs), "the legend's first entries")


def check(module: ModuleType) -> None:
    check_returns(get_function(module, "returns_to_go"))
    check_plot(get_function(module, "plot_q_against_returns"))
