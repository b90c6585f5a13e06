"""Check of exercise 4: expected moves with slips and walls, and the picture through its
data: the heatmap's values and each arrow's place and direction as seen on the screen."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    SavedFigure,
    expect_close,
    expect_equal,
    expect_grid_close,
    expect_png,
    get_function,
    recorded_figures,
    saved_to,
)
from rlcourse.envs.gridworld import ACTION_DELTAS, GridWorldEnv

# 3 x 4: walls at (0, 2) and (2, 1), a trap at (1, 2), the goal at (2, 3).
LAYOUT = ("S.#.", "..T.", ".#.G")
SLIP = 0.2


def expected_grids(policy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The answer, from the layout and the slip rule, without reading grid.P."""
    n_rows, n_cols = len(LAYOUT), len(LAYOUT[0])
    d_col = np.full((n_rows, n_cols), np.nan)
    d_row = np.full((n_rows, n_cols), np.nan)
    for row in range(n_rows):
        for col in range(n_cols):
            if LAYOUT[row][col] not in ".S":
                continue
            total_col = total_row = 0.0
            for action in range(4):
                sideways = ((action + 1) % 4, (action + 3) % 4)
                moves = [(action, 1 - SLIP), (sideways[0], SLIP / 2), (sideways[1], SLIP / 2)]
                for direction, probability in moves:
                    d_r, d_c = ACTION_DELTAS[direction]
                    new_row, new_col = row + d_r, col + d_c
                    inside = 0 <= new_row < n_rows and 0 <= new_col < n_cols
                    if not inside or LAYOUT[new_row][new_col] == "#":
                        new_row, new_col = row, col  # bumped: no move
                    total_col += policy[row * n_cols + col, action] * probability * (new_col - col)
                    total_row += policy[row * n_cols + col, action] * probability * (new_row - row)
            d_col[row, col], d_row[row, col] = total_col, total_row
    return d_col, d_row


def check(module: ModuleType) -> None:
    expected_moves = get_function(module, "expected_moves")
    draw_policy = get_function(module, "draw_policy")
    grid = GridWorldEnv(layout=LAYOUT, slip_probability=SLIP)
    policy = np.random.default_rng(5).dirichlet(np.ones(4), size=12)  # (12, 4)

    result = expected_moves(torch.from_numpy(policy), grid)
    if not (isinstance(result, tuple) and len(result) == 2):
        raise CheckFailed(
            f"expected_moves should return (d_col, d_row), got {type(result).__name__}"
        )
    d_col, d_row = expected_grids(policy)
    expect_grid_close(
        result[0], d_col, "expected_moves(...)[0], the column changes", "walls, goal and traps"
    )
    expect_grid_close(
        result[1], d_row, "expected_moves(...)[1], the row changes", "walls, goal and traps"
    )

    values = torch.linspace(-5.0, 5.0, 12, dtype=torch.float64)
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "policy.png"
        draw_policy(values, torch.from_numpy(policy), grid, path)
        expect_png(path, "draw_policy(values, policy, grid, path)", (300, 150), 20)
        figure = saved_to(figures, path, "draw_policy")
    check_picture(figure, values.numpy(), d_col, d_row)


def check_picture(
    figure: SavedFigure, values: np.ndarray, d_col: np.ndarray, d_row: np.ndarray
) -> None:
    floor = ~np.isnan(d_col)
    images = figure.images()
    expect_equal(len(images), 1, "heatmaps (images) in the figure")
    shown = np.where(floor, values.reshape(floor.shape), np.nan)
    expect_grid_close(images[0], shown, "the heatmap: v on the floor cells", "walls, goal, traps")
    arrows = [quiver for axes in figure.axes for quiver in axes.arrows]
    expect_equal(len(arrows), 1, "quiver calls in the figure")
    quiver = arrows[0]
    rows, cols = np.nonzero(floor)
    expect_equal(
        sorted(zip(quiver.y.tolist(), quiver.x.tolist(), strict=True)),
        sorted(zip(rows.astype(float).tolist(), cols.astype(float).tolist(), strict=True)),
        "the (row, col) places of the arrows: one on every floor cell, x = col, y = row",
    )
    expect_equal(quiver.pivot, "middle", "the arrows' pivot (centre each arrow on its cell)")
    right, up = quiver.screen_directions()
    for index, (row, col) in enumerate(
        zip(quiver.y.astype(int), quiver.x.astype(int), strict=True)
    ):
        want = np.array([d_col[row, col], -d_row[row, col]])  # row numbers grow downwards
        got = np.array([right[index], up[index]])
        if np.allclose(got, want * [1, -1]) and abs(want[1]) > 1e-9:
            raise CheckFailed(
                f"the arrow of cell (row {row}, col {col}) points {'up' if got[1] > 0 else 'down'} "
                f"on the screen, but the policy moves {'up' if want[1] > 0 else 'down'}: imshow "
                "puts row 0 at the top, so draw the arrows in data coordinates (angles='xy')"
            )
        expect_close(
            got,
            want,
            f"the arrow of cell (row {row}, col {col}) as drawn: (right, up) on the screen "
            "should be (d_col, -d_row)",
        )
