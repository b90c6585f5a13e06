"""Check of exercise 4: outcome shares on seeded random outcomes with draws, and the
data of the figure."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_shape,
    expect_true,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)


def reference(outcomes: np.ndarray) -> np.ndarray:
    return np.stack([(outcomes == value).mean(axis=1) for value in (1, 0, -1)], axis=1)


def random_outcomes(rng: np.random.Generator) -> np.ndarray:
    shape = (int(rng.integers(3, 9)), int(rng.integers(5, 40)))
    return rng.choice(np.array([-1, 0, 1]), size=shape, p=rng.dirichlet(np.ones(3)))


def check_rates(outcome_rates: object, cases: list[np.ndarray]) -> None:
    assert callable(outcome_rates)
    for number, outcomes in enumerate(cases):
        got = np.asarray(outcome_rates(outcomes.copy()), dtype=float)
        expect_shape(
            got, (outcomes.shape[0], 3), f"case {number}: outcome_rates of {outcomes.shape}"
        )
        expected = reference(outcomes)
        if np.allclose(got[:, 2], expected[:, 1] + expected[:, 2]) and expected[:, 1].any():
            raise CheckFailed(f"case {number}: your loss share counts the draws (0) as losses")
        if np.allclose(got, expected * outcomes.shape[1]):
            raise CheckFailed(
                f"case {number}: you return counts; return shares (divide by the games)"
            )
        expect_close(got, expected, f"case {number}: win, draw and loss shares per row")


def check(module: ModuleType) -> None:
    outcome_rates = get_function(module, "outcome_rates")
    plot = get_function(module, "plot_outcome_curves")
    fixed = np.array([[1, 0, -1, -1], [1, 1, 0, 1]])
    check_rates(outcome_rates, [fixed, *random_cases(74, 6, random_outcomes)])
    outcomes = random_cases(740, 1, random_outcomes)[0]
    episodes = np.arange(1, outcomes.shape[0] + 1) * 250
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "curves.png"
        plot(episodes, outcomes, "the snapshot", path)
        figure = saved_to(figures, path, "plot_outcome_curves")
    lines = {line.label: line for line in figure.lines()}
    expect_equal(sorted(lines), ["draw", "loss", "win"], "labels of the plotted lines")
    expected = reference(outcomes)
    for column, name in enumerate(("win", "draw", "loss")):
        expect_close(lines[name].x, episodes.astype(float), f"x data of the {name!r} line")
        expect_close(lines[name].y, expected[:, column], f"y data of the {name!r} line")
    axes = figure.axes[0]
    expect_true(bool(axes.xlabel and axes.ylabel), "label both axes of the figure")
    expect_true("the snapshot" in axes.title, "put the opponent's name in the title")
    expect_true(len(axes.legend) == 3, "add a legend naming win, draw and loss")
