"""Check of exercise 1: shortest-path distances and band starts against a reference on
seeded random mazes (walls that make the straight-line distance wrong included)."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_equal,
    get_function,
    random_cases,
)


def random_maze(rng: np.random.Generator) -> tuple[str, ...]:
    n_rows, n_cols = int(rng.integers(4, 8)), int(rng.integers(4, 9))
    cells = np.where(rng.random((n_rows, n_cols)) < 0.3, "#", ".")
    cells[rng.integers(n_rows), rng.integers(n_cols)] = "G"
    return tuple("".join(row) for row in cells)


def reference(layout: tuple[str, ...]) -> np.ndarray:
    """Bellman-Ford style relaxation: distance = 1 + min over open neighbours, repeated."""
    n_rows, n_cols = len(layout), len(layout[0])
    big = 10**6
    distance = np.full((n_rows, n_cols), big)
    goal = "".join(layout).index("G")
    distance[divmod(goal, n_cols)] = 0
    walls = np.array([[ch == "#" for ch in row] for row in layout])
    for _ in range(n_rows * n_cols):
        padded = np.pad(distance, 1, constant_values=big)
        neighbours = np.minimum.reduce(
            [padded[:-2, 1:-1], padded[2:, 1:-1], padded[1:-1, :-2], padded[1:-1, 2:]]
        )
        distance = np.where(walls, big, np.minimum(distance, neighbours + 1))
    return np.where(distance >= big, -1, distance).ravel()


def manhattan(layout: tuple[str, ...]) -> np.ndarray:
    n_cols = len(layout[0])
    goal = divmod("".join(layout).index("G"), n_cols)
    rows, cols = np.divmod(np.arange(len(layout) * n_cols), n_cols)
    return np.abs(rows - goal[0]) + np.abs(cols - goal[1])


def check_distances(distances: Callable[..., Any], mazes: list[tuple[str, ...]]) -> None:
    for number, layout in enumerate(mazes):
        expected = reference(layout)
        got = np.asarray(distances(layout))
        open_cells = expected >= 0
        if (
            got.shape == expected.shape
            and np.array_equal(got[open_cells], manhattan(layout)[open_cells])
            and not np.array_equal(got, expected)
        ):
            raise CheckFailed(
                f"random maze {number}: your distances are |row - row_G| + |col - col_G|; walls "
                "make paths longer: search outwards from the goal around them"
            )
        expect_array_equal(
            got,
            expected,
            f"random maze {number} {layout}: goal_distances (moves along the shortest path "
            "around walls; -1 on walls and on cells that cannot reach G)",
        )


def check_bands(bands_of: Callable[..., Any], mazes: list[tuple[str, ...]]) -> None:
    bands = ((1, 2), (3, 4), (5, 9))
    for number, layout in enumerate(mazes):
        distance = reference(layout)
        got = [sorted(int(c) for c in cells) for cells in bands_of(layout, bands)]
        expected = [
            np.flatnonzero((distance >= lo) & (distance <= hi)).tolist() for lo, hi in bands
        ]
        expect_equal(
            got,
            expected,
            f"random maze {number}: band_starts for bands {bands} (both ends included)",
        )


def check(module: ModuleType) -> None:
    mazes = random_cases(73, 12, random_maze)
    mazes.append(("...#G", ".#.#.", ".#...", "....."))  # the wall makes a detour
    check_distances(get_function(module, "goal_distances"), mazes)
    check_bands(get_function(module, "band_starts"), mazes)
