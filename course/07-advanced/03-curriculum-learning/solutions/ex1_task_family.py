"""Exercise 1: tasks of increasing difficulty from one maze: starts further from the goal.

Fill in the two functions, then run this file and `rlcourse check 7.3`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

import numpy as np


def goal_distances(layout: Sequence[str]) -> np.ndarray:
    """Moves from each cell to the goal 'G' along the shortest path around walls '#',
    shape (rows * cols,) int, cell index row * cols + col; -1 on walls and on cells that
    cannot reach the goal. Moves go up, right, down or left, never off the grid."""
    n_rows, n_cols = len(layout), len(layout[0])
    distance = np.full(n_rows * n_cols, -1)
    goal = "".join(layout).index("G")
    distance[goal] = 0
    frontier = deque([goal])
    while frontier:  # breadth first: cells leave in order of their distance
        row, col = divmod(frontier.popleft(), n_cols)
        for r, c in ((row - 1, col), (row, col + 1), (row + 1, col), (row, col - 1)):
            open_cell = 0 <= r < n_rows and 0 <= c < n_cols and layout[r][c] != "#"
            if open_cell and distance[r * n_cols + c] < 0:  # the first visit is the shortest
                distance[r * n_cols + c] = distance[row * n_cols + col] + 1
                frontier.append(r * n_cols + c)
    return distance


def band_starts(layout: Sequence[str], bands: Sequence[tuple[int, int]]) -> list[list[int]]:
    """For each band (low, high), the sorted cells whose distance to the goal is between
    low and high, both included: the start cells of that task."""
    distance = goal_distances(layout)
    return [np.flatnonzero((distance >= low) & (distance <= high)).tolist() for low, high in bands]


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
