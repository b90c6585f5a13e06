"""Part 7.3's family of tasks: one maze, one goal, and starts that move further away.

Every task is the same gridworld (Part 4.4's ``GridWorldEnv``) with a sparse reward: 1 for
reaching the goal, 0 for every other move, and a time limit. Only the start cells differ.
Task k starts the agent uniformly among the cells whose shortest path to the goal has a
length in band k, so the same Q-table serves every task and what is learned on one
carries over to the next.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from typing import Any

import gymnasium as gym
import numpy as np

from rlcourse.agents.tabular import greedy_actions
from rlcourse.dp import evaluate_policy
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.mdp import tabular_mdp

# Rings of corridors around the goal; the entrances sit on opposite sides, so the way in
# winds: the far corners are 20 moves from G.
MAZE: tuple[str, ...] = (
    "...........",
    ".#####.###.",
    ".#.......#.",
    ".#.#####.#.",
    "...#..G#...",
    ".#.#.###.#.",
    ".#.......#.",
    ".#########.",
    "...........",
)
BANDS: tuple[tuple[int, int], ...] = ((1, 4), (5, 8), (9, 12), (13, 16), (17, 20))
# Starts kept out of every training task, to test transfer: the bottom-right corner.
HELD_OUT: tuple[int, ...] = (95, 96, 97, 98, 87)  # row 8, columns 7 to 10, and (7, 10)
TIME_LIMIT = 50  # steps per episode: a random walk from the far corners rarely arrives


# --8<-- [start:tasks]
def goal_distances(layout: Sequence[str]) -> np.ndarray:
    """Moves from each cell to the goal along the shortest path, (rows * cols,); -1 on walls
    and cells that cannot reach it. Breadth-first search outwards from the goal."""
    n_cols = len(layout[0])
    flat = "".join(layout)
    distance = np.full(len(flat), -1)
    goal = flat.index("G")
    distance[goal] = 0
    frontier = deque([goal])
    while frontier:
        cell = frontier.popleft()
        row, col = divmod(cell, n_cols)
        for d_row, d_col in ((-1, 0), (0, 1), (1, 0), (0, -1)):
            r, c = row + d_row, col + d_col
            if not (0 <= r < len(layout) and 0 <= c < n_cols) or flat[r * n_cols + c] == "#":
                continue
            if distance[r * n_cols + c] < 0:  # the first visit is along a shortest path
                distance[r * n_cols + c] = distance[cell] + 1
                frontier.append(r * n_cols + c)
    return distance


def with_starts(layout: Sequence[str], cells: Sequence[int]) -> tuple[str, ...]:
    """``layout`` with 'S' on ``cells`` (and nowhere else)."""
    n_cols = len(layout[0])
    flat = ["." if ch == "S" else ch for ch in "".join(layout)]
    for cell in cells:
        flat[cell] = "S"
    return tuple("".join(flat[r * n_cols : (r + 1) * n_cols]) for r in range(len(layout)))


def task_family(
    layout: Sequence[str], bands: Sequence[tuple[int, int]], held_out: Sequence[int] = ()
) -> list[tuple[str, ...]]:
    """One layout per band (low, high): starts on the cells at distance low..high from the
    goal, except ``held_out`` cells, kept for testing transfer."""
    distance = goal_distances(layout)
    tasks: list[tuple[str, ...]] = []
    for low, high in bands:
        in_band = np.flatnonzero((distance >= low) & (distance <= high)).tolist()
        tasks.append(with_starts(layout, [c for c in in_band if c not in held_out]))
    return tasks


# --8<-- [end:tasks]


def make_env(
    layout: Sequence[str], slip: float = 0.0, time_limit: int = TIME_LIMIT
) -> gym.Env[Any, Any]:
    """The task's gridworld: the goal pays 1, every other move 0."""
    return gym.make(
        GRIDWORLD_ID,
        max_episode_steps=time_limit,
        layout=layout,
        step_cost=0.0,
        goal_reward=1.0,
        slip_probability=slip,
    )


def start_cells(layout: Sequence[str]) -> list[int]:
    return [cell for cell, ch in enumerate("".join(layout)) if ch == "S"]


# --8<-- [start:success]
def success_probability(
    layout: Sequence[str], policy: np.ndarray, slip: float = 0.0, time_limit: int = TIME_LIMIT
) -> float:
    """Exact probability that ``policy`` ((S, A) action probabilities) reaches the goal
    within the time limit, from a start drawn uniformly among the layout's 'S' cells.
    The goal pays 1 and nothing else pays, so this is the expected return (Part 4.6)."""
    env = make_env(layout, slip, time_limit)
    n_states, n_actions = env.unwrapped.P.__len__(), 4  # type: ignore[attr-defined]
    mdp = tabular_mdp(env.unwrapped.P, n_states, n_actions)  # type: ignore[attr-defined]
    starts = np.zeros(n_states)
    starts[start_cells(layout)] = 1.0 / len(start_cells(layout))
    return evaluate_policy(mdp, policy, starts, time_limit).expected_return


def greedy_policy(q: np.ndarray) -> np.ndarray:
    """(S, A) one-hot: the greedy action of each state (ties to the lowest action)."""
    return np.eye(q.shape[1])[greedy_actions(q)]


# --8<-- [end:success]
