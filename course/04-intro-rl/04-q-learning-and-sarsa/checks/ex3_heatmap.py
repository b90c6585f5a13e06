"""Check of exercise 3: value and action-gap grids from a known Q-table, and the figure."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    expect_grid_close,
    expect_png,
    expect_true,
    get_function,
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


def expected_grids() -> tuple[np.ndarray, np.ndarray]:
    """The answers, computed cell by cell with plain Python."""
    values = np.full((2, 4), np.nan)
    gaps = np.full((2, 4), np.nan)
    for row in range(2):
        for col in range(4):
            if LAYOUT[row][col] in "#GT":
                continue
            ranked = sorted(Q[row * 4 + col].tolist(), reverse=True)
            values[row, col] = ranked[0]
            gaps[row, col] = ranked[0] - ranked[1]
    return values, gaps


def check(module: ModuleType) -> None:
    value_grid = get_function(module, "value_grid")
    action_gap_grid = get_function(module, "action_gap_grid")
    save_heatmaps = get_function(module, "save_heatmaps")
    grid = GridWorldEnv(layout=LAYOUT)
    expected_values, expected_gaps = expected_grids()

    q = Q.copy()
    expect_grid_close(
        value_grid(q, grid), expected_values, "value_grid(q, grid)", "walls and terminal cells"
    )
    expect_grid_close(
        action_gap_grid(q, grid),
        expected_gaps,
        "action_gap_grid(q, grid)",
        "walls and terminal cells",
    )
    expect_true(np.array_equal(q, Q), "your functions changed the Q-table they were given")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "heatmaps.png"
        save_heatmaps(q, grid, path)
        expect_png(path, "save_heatmaps(q, grid, path)", (300, 150), 20)
