"""Exercise 3: the learned Q-table as heatmaps: state values and action gaps."""

from __future__ import annotations

from pathlib import Path

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np

from rlcourse.agents.tabular import train
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import MAZE_LAYOUT, GridWorldEnv, unwrap_gridworld


def hidden_cells(grid: GridWorldEnv) -> np.ndarray:
    """Boolean (n_rows, n_cols): True on walls and terminal cells, where nothing is learned."""
    return np.array([[char in "#GT" for char in row] for row in grid.layout])


def value_grid(q: np.ndarray, grid: GridWorldEnv) -> np.ndarray:
    """max_a Q(s, a) for every cell, shape (n_rows, n_cols); NaN on walls and terminal cells."""
    values = q.max(axis=1).reshape(grid.n_rows, grid.n_cols)
    return np.where(hidden_cells(grid), np.nan, values)


def action_gap_grid(q: np.ndarray, grid: GridWorldEnv) -> np.ndarray:
    """Best minus second-best action value for every cell, shape (n_rows, n_cols);
    NaN on walls and terminal cells. A gap of 0 means the greedy choice is a tie."""
    ordered = np.sort(q, axis=1)  # ascending in each row
    gaps = (ordered[:, -1] - ordered[:, -2]).reshape(grid.n_rows, grid.n_cols)
    return np.where(hidden_cells(grid), np.nan, gaps)


def save_heatmaps(q: np.ndarray, grid: GridWorldEnv, path: Path) -> None:
    """Save one figure with two heatmaps side by side, values and action gaps, as PNG."""
    fig, axes = plt.subplots(1, 2, figsize=(10, 3), dpi=100, layout="constrained")
    for ax, data, title in (
        (axes[0], value_grid(q, grid), "max_a Q(s, a)"),
        (axes[1], action_gap_grid(q, grid), "best minus second-best Q(s, a)"),
    ):
        image = ax.imshow(data, cmap="viridis")
        fig.colorbar(image, ax=ax)
        ax.set_title(title)
        ax.set_xticks([])
        ax.set_yticks([])
    fig.savefig(path)
    plt.close(fig)


if __name__ == "__main__":
    env = gym.make(GRIDWORLD_ID, layout=MAZE_LAYOUT)
    q, _ = train(env, "q_learning", 500, alpha=0.5, gamma=1.0, epsilon=0.1, seed=0)
    grid = unwrap_gridworld(env)
    print(np.array2string(value_grid(q, grid), precision=1))
    print(np.array2string(action_gap_grid(q, grid), precision=1))
    save_heatmaps(q, grid, Path("maze_heatmaps.png"))
    print("saved maze_heatmaps.png")
