"""Check of exercise 3: value and action-gap grids from a known Q-table and from random
ones on a non-square layout, and the figure through the two images it draws."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    expect_equal,
    expect_grid_close,
    expect_png,
    expect_true,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)
from rlcourse.envs.gridworld import GridWorldEnv

LAYOUT = ("S.#.", ".TG.")  # 2 x 4: a wall at (0, 2), a trap at (1, 1), the goal at (1, 2)

Q = np.array(
    [
        [-3.0, -1.0, -2.0, -4.0],  # (0, 0)
        [-2.0, -2.0, -5.0, -2.5],  # (0, 1): two actions tie for the best
        [0.0, 0.0, 0.0, 0.0],  # (0, 2): wall
        [1.0, 0.5, 0.75, -1.0],  # (0, 3)
        [-1.5, -0.5, -0.25, -3.0],  # (1, 0)
        [9.0, 9.0, 9.0, 9.0],  # (1, 1): trap
        [7.0, 7.0, 7.0, 7.0],  # (1, 2): goal
        [2.0, 2.0, 2.0, 2.0],  # (1, 3): all four tie
    ]
)


def expected_grids(q: np.ndarray, layout: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """The answers, computed cell by cell with plain Python."""
    rows, cols = len(layout), len(layout[0])
    values = np.full((rows, cols), np.nan)
    gaps = np.full((rows, cols), np.nan)
    for row in range(rows):
        for col in range(cols):
            if layout[row][col] in "#GT":
                continue
            ranked = sorted(q[row * cols + col].tolist(), reverse=True)
            values[row, col] = ranked[0]
            gaps[row, col] = ranked[0] - ranked[1]
    return values, gaps


RANDOM_LAYOUT = ("S..#.", ".#..T", "...G.")  # 3 x 5, so rows and columns cannot be swapped


def check_grids(module: ModuleType, q: np.ndarray, layout: tuple[str, ...], name: str) -> None:
    grid = GridWorldEnv(layout=layout)
    expected_values, expected_gaps = expected_grids(q, layout)
    given = q.copy()
    cells = "walls and terminal cells"
    expect_grid_close(module.value_grid(q, grid), expected_values, f"value_grid({name})", cells)
    expect_grid_close(
        module.action_gap_grid(q, grid), expected_gaps, f"action_gap_grid({name})", cells
    )
    expect_true(np.array_equal(q, given), "your functions changed the Q-table they were given")


def check(module: ModuleType) -> None:
    get_function(module, "value_grid")
    get_function(module, "action_gap_grid")
    save_heatmaps = get_function(module, "save_heatmaps")
    check_grids(module, Q.copy(), LAYOUT, "the example Q-table, 2 x 4 layout")
    for number, q in enumerate(
        random_cases(46, 2, lambda rng: rng.integers(-8, 8, size=(15, 4)) / 2), start=1
    ):
        check_grids(module, q, RANDOM_LAYOUT, f"random Q-table {number}, 3 x 5 layout")

    grid = GridWorldEnv(layout=LAYOUT)
    expected_values, expected_gaps = expected_grids(Q, LAYOUT)
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "heatmaps.png"
        save_heatmaps(Q.copy(), grid, path)
        expect_png(path, "save_heatmaps(q, grid, path)", (300, 150), 20)
        figure = saved_to(figures, path, "save_heatmaps")
    panels = [axes for axes in figure.axes if axes.images]
    expect_equal(len(panels), 2, "heatmaps (images) in the figure: values and action gaps")
    for axes, expected, what in (
        (panels[0], expected_values, "the left heatmap: the values max_a Q(s, a)"),
        (panels[1], expected_gaps, "the right heatmap: the action gaps"),
    ):
        expect_grid_close(axes.images[0], expected, what, "walls and terminal cells")
