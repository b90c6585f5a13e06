"""Exercise 1: tasks of increasing difficulty from one maze: starts further from the goal.

Fill in the two functions, then run this file and `rlcourse check 7.3`.
"""

from __future__ import annotations

from collections import deque  # noqa: F401 (you will need it)
from collections.abc import Sequence

import numpy as np


def goal_distances(layout: Sequence[str]) -> np.ndarray:
    """Moves from each cell to the goal 'G' along the shortest path around walls '#',
    shape (rows * cols,) int, cell index row * cols + col; -1 on walls and on cells that
    cannot reach the goal. Moves go up, right, down or left, never off the grid."""
    raise NotImplementedError("goal_distances")


def band_starts(layout: Sequence[str], bands: Sequence[tuple[int, int]]) -> list[list[int]]:
    """For each band (low, high), the sorted cells whose distance to the goal is between
    low and high, both included: the start cells of that task."""
    raise NotImplementedError("band_starts")


if __name__ == "__main__":
    spiral = (
        "#########",
        "#.......#",
        "#.#####.#",
        "#.#G..#.#",
        "#.###.#.#",
        "#.....#..",
        "#########",
    )
    print(goal_distances(spiral).reshape(len(spiral), -1))
    for band, cells in zip(
        ((1, 5), (6, 10), (11, 20)), band_starts(spiral, ((1, 5), (6, 10), (11, 20))), strict=True
    ):
        print(f"band {band}: {len(cells)} start cells")
