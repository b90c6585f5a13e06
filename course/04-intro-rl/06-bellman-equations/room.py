"""The room of lesson 4.6: a slippery gridworld with three traps, and how demos draw it.

Demos 2 to 4 share it; they import it as ``room`` (Python puts a script's own folder
on the import path, and so does ``rlcourse run``).
"""

from __future__ import annotations

from typing import Any

import gymnasium as gym
import numpy as np
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.image import AxesImage

from rlcourse.agents.tabular import table_shape
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import ACTION_ARROWS, GridWorldEnv, unwrap_gridworld
from rlcourse.mdp import TabularMDP, tabular_mdp

# --8<-- [start:room]
# Start S bottom-left, goal G on the right edge, three traps T beside the shorter routes.
ROOM_LAYOUT: tuple[str, ...] = (
    "......#.",
    ".##.T.#G",
    "....T...",
    ".#......",
    "S..#.T..",
)
ROOM_KWARGS: dict[str, Any] = {
    "layout": ROOM_LAYOUT,
    "step_cost": 1.0,  # every move that does not end the episode earns -1
    "goal_reward": 10.0,  # entering G ends the episode with +10
    "trap_penalty": 10.0,  # entering a trap ends it with -10
    "slip_probability": 0.2,  # a move goes sideways with probability 0.1 each way
}
GAMMA = 0.95
# --8<-- [end:room]


def make_room(max_episode_steps: int = 1000) -> tuple[gym.Env[Any, Any], GridWorldEnv, TabularMDP]:
    """The registered gridworld with the room's settings, the GridWorldEnv inside its
    wrappers, and its model as arrays for dynamic programming."""
    env = gym.make(GRIDWORLD_ID, max_episode_steps=max_episode_steps, **ROOM_KWARGS)
    grid = unwrap_gridworld(env)
    n_states, n_actions = table_shape(env)  # (40, 4): narrows the spaces to Discrete
    return env, grid, tabular_mdp(grid.P, n_states, n_actions)


def start_state(grid: GridWorldEnv) -> int:
    return int(np.argmax(grid.initial_state_distrib))


def acting_states(grid: GridWorldEnv) -> list[int]:
    """Floor and start cells: the states in which the agent chooses an action."""
    return [s for s in range(grid.n_rows * grid.n_cols) if grid.cell(s) in ".S"]


CELL_COLOURS: dict[str, tuple[float, float, float]] = {
    "#": (0.3, 0.3, 0.3),
    "G": (0.45, 0.8, 0.45),
    "T": (0.88, 0.38, 0.33),
}
OUTLINE = [patheffects.withStroke(linewidth=2, foreground="black")]


def draw_room(
    ax: Axes,
    grid: GridWorldEnv,
    values: np.ndarray,
    actions: np.ndarray | None = None,
    value_range: tuple[float, float] | None = None,
) -> AxesImage:
    """A heatmap of ``values`` (n_states,) on the floor cells, walls, goal and traps in
    their own colours, and an arrow for ``actions[s]`` on every floor cell.

    Returns the heatmap, for a colour bar.
    """
    floor = np.array([grid.cell(s) in ".S" for s in range(len(values))])
    background = np.ones((grid.n_rows, grid.n_cols, 3))
    for row, line in enumerate(grid.layout):
        for col, char in enumerate(line):
            background[row, col] = CELL_COLOURS.get(char, (1.0, 1.0, 1.0))
    ax.imshow(background)
    low, high = value_range if value_range is not None else (None, None)
    heatmap = ax.imshow(
        grid.to_grid(np.where(floor, values, np.nan)), cmap="viridis", vmin=low, vmax=high
    )  # NaN cells are transparent, so the background shows there
    if actions is not None:
        for state in np.flatnonzero(floor):
            row, col = divmod(int(state), grid.n_cols)
            arrow = ACTION_ARROWS[int(actions[state])]
            ax.text(
                col,
                row,
                arrow,
                ha="center",
                va="center",
                color="white",
                fontsize=11,
                path_effects=OUTLINE,  # a dark edge keeps white arrows visible on yellow
            )
    for state in range(len(values)):
        if grid.cell(state) in "GT":
            row, col = divmod(state, grid.n_cols)
            ax.text(col, row, grid.cell(state), ha="center", va="center", fontsize=10)
    ax.set_xticks([])
    ax.set_yticks([])
    return heatmap
