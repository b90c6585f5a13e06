"""Exercise 4: read a self-play agent's strategy off its value table and plot it.

Fill in ``first_move_values``, ``opening_shares`` and ``plot_strategy``, then run this
file and `rlcourse check 6.1`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

Board = tuple[int, ...]  # 9 marks, row by row: 0 empty, 1 X, 2 O


def first_move_values(values: dict[Board, float]) -> np.ndarray:
    """X's learned value of each first move: a (3, 3) float array whose entry [row, column]
    is V of the board with a single X on cell 3 * row + column (0 for a board missing from
    ``values``). The table also holds later boards: ignore them."""
    raise NotImplementedError("first_move_values")


def opening_shares(openings: list[int], last_share: float) -> np.ndarray:
    """How often X opened on each cell in the last round(len(openings) * last_share) games:
    a (3, 3) array that sums to 1. ``openings`` holds each game's first cell in playing
    order, -1 for games whose first move was random (leave those out)."""
    raise NotImplementedError("opening_shares")


def plot_strategy(values: np.ndarray, shares: np.ndarray, path: Path) -> None:
    """Two heatmaps side by side, saved at ``path``: the first-move values on a colour
    scale from -1 (a sure loss) to +1 (a sure win), and the opening shares; each with a
    title and the number written in every cell."""
    raise NotImplementedError("plot_strategy")


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    example = {
        tuple(1 if i == c else 0 for i in range(9)): float(rng.uniform(-0.2, 0.4)) for c in range(9)
    }
    openings = [int(c) for c in rng.choice([-1, 0, 2, 4, 6, 8], size=1000)]
    plot_strategy(first_move_values(example), opening_shares(openings, 0.2), Path("strategy.png"))
    print(first_move_values(example))
