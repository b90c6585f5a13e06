"""Exercise 3: the learned Q-table as heatmaps: state values and action gaps.

Fill in the three functions, then run this file and `rlcourse check 4.4`.
"""

from __future__ import annotations

from pathlib import Path

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np

from rlcourse.agents.tabular import train
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import MAZE_LAYOUT, GridWorldEnv, unwrap_gridworld


def value_grid(q: np.ndarray, grid: GridWorldEnv) -> np.ndarray:
    """max_a Q(s, a) for every cell, shape (n_rows, n_cols); NaN on walls and terminal cells.

    State s is the cell (s // grid.n_cols, s % grid.n_cols); grid.layout[row][col] is its
    character ('#' wall, 'G' goal, 'T' trap).
    """
    raise NotImplementedError("value_grid")


def action_gap_grid(q: np.ndarray, grid: GridWorldEnv) -> np.ndarray:
    """Best minus second-best action value for every cell, shape (n_rows, n_cols);
    NaN on walls and terminal cells. A gap of 0 means the greedy choice is a tie."""
    raise NotImplementedError("action_gap_grid")


def save_heatmaps(q: np.ndarray, grid: GridWorldEnv, path: Path) -> None:
    """Save one figure with two heatmaps side by side, values and action gaps, as PNG."""
    fig, axes = plt.subplots(1, 2, figsize=(10, 3), dpi=100, layout="constrained")
    for ax, title in zip(axes, ("max_a Q(s, a)", "best minus second-best Q(s, a)"), strict=True):
        ax.set_title(title)
    # TODO: imshow value_grid(q, grid) on axes[0] and action_gap_grid(q, grid) on axes[1],
    # each with fig.colorbar(...); then fig.savefig(path) before closing the figure.
    plt.close(fig)
    raise NotImplementedError("save_heatmaps")


if __name__ == "__main__":
    env = gym.make(GRIDWORLD_ID, layout=MAZE_LAYOUT)
    q, _ = train(env, "q_learning", 500, alpha=0.5, gamma=1.0, epsilon=0.1, seed=0)
    grid = unwrap_gridworld(env)
    print(np.array2string(value_grid(q, grid), precision=1))
    print(np.array2string(action_gap_grid(q, grid), precision=1))
    save_heatmaps(q, grid, Path("maze_heatmaps.png"))
    print("saved maze_heatmaps.png")
