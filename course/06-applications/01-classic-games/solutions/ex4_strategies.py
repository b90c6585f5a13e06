"""Exercise 4: read a self-play agent's strategy off its value table and plot it.

Fill in ``first_move_values``, ``opening_shares`` and ``plot_strategy``, then run this
file and `rlcourse check 6.1`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

Board = tuple[int, ...]  # 9 marks, row by row: 0 empty, 1 X, 2 O


def first_move_values(values: dict[Board, float]) -> np.ndarray:
    """X's learned value of each first move: a (3, 3) float array whose entry [row, column]
    is V of the board with a single X on cell 3 * row + column (0 for a board missing from
    ``values``). The table also holds later boards: ignore them."""
    grid = np.zeros(9)
    for cell in range(9):
        board = tuple(1 if i == cell else 0 for i in range(9))
        grid[cell] = values.get(board, 0.0)
    return grid.reshape(3, 3)


def opening_shares(openings: list[int], last_share: float) -> np.ndarray:
    """How often X opened on each cell in the last round(len(openings) * last_share) games:
    a (3, 3) array that sums to 1. ``openings`` holds each game's first cell in playing
    order, -1 for games whose first move was random (leave those out)."""
    late = np.array(openings[len(openings) - round(len(openings) * last_share) :])
    chosen = late[late >= 0]
    return (np.bincount(chosen, minlength=9) / len(chosen)).reshape(3, 3)


def plot_strategy(values: np.ndarray, shares: np.ndarray, path: Path) -> None:
    """Two heatmaps side by side, saved at ``path``: the first-move values on a colour
    scale from -1 (a sure loss) to +1 (a sure win), and the opening shares; each with a
    title and the number written in every cell."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(8, 3.6), layout="constrained")
    for ax, grid, title, scale in (
        (left, values, "X's value of each first move", (-1.0, 1.0)),
        (right, shares, "Share of games opened on each cell", (0.0, float(shares.max()))),
    ):
        image = ax.imshow(grid, vmin=scale[0], vmax=scale[1], cmap="viridis")
        for (row, column), number in np.ndenumerate(grid):
            ax.text(column, row, f"{number:.2f}", ha="center", va="center", color="white")
        ax.set(title=title, xlabel="column", ylabel="row", xticks=range(3), yticks=range(3))
        fig.colorbar(image, ax=ax, shrink=0.8)
    fig.savefig(path)
    plt.close(fig)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    example = {
        tuple(1 if i == c else 0 for i in range(9)): float(rng.uniform(-0.2, 0.4)) for c in range(9)
    }
    openings = [int(c) for c in rng.choice([-1, 0, 2, 4, 6, 8], size=1000)]
    plot_strategy(first_move_values(example), opening_shares(openings, 0.2), Path("strategy.png"))
    print(first_move_values(example))
