"""Exercise 3: record the greedy policy after every episode and draw how it changed.

Fill in the four functions, then run this file and `rlcourse check 4.7`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gymnasium as gym
import matplotlib.pyplot as plt  # noqa: F401 (for save_policy_strip)
import numpy as np

from rlcourse.agents.tabular import greedy_actions, train  # noqa: F401 (for record_greedy_policies)
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import (
    ACTION_ARROWS,  # noqa: F401 (for arrow_rows)
    GridWorldEnv,
    unwrap_gridworld,
)

LEDGE_LAYOUT = ("..........", ".########.", "S........G", "TTTTTTTTTT")


def record_greedy_policies(
    env: gym.Env[Any, Any], episodes: int, alpha: float, gamma: float, epsilon: float, seed: int
) -> list[np.ndarray]:
    """Train with the library's ``train`` (Q-learning) and return the greedy policy after
    each episode: ``episodes`` integer arrays of shape (n_states,).

    Call ``train(env, "q_learning", episodes, alpha, gamma, epsilon, seed, False,
    on_episode_end=...)``, with a function that stores ``greedy_actions(q)`` each time.
    """
    raise NotImplementedError("record_greedy_policies")


def changes_per_episode(policies: list[np.ndarray]) -> list[int]:
    """How many states changed action in each episode; the first episode is compared with
    the greedy policy of the all-zero table it started from (action 0 everywhere)."""
    raise NotImplementedError("changes_per_episode")


def arrow_rows(grid: GridWorldEnv, actions: np.ndarray) -> list[str]:
    """The policy as text, one string per grid row: the arrow of the action on floor and
    start cells, the layout's letter on walls, goal and traps."""
    raise NotImplementedError("arrow_rows")


def save_policy_strip(
    grid: GridWorldEnv, policies: list[np.ndarray], shown: list[int], path: Path
) -> None:
    """One PNG with a panel per episode number in ``shown`` (1 = after the first episode),
    each showing ``arrow_rows`` of that episode's policy as text, titled "episode N"."""
    raise NotImplementedError("save_policy_strip")


if __name__ == "__main__":
    env = gym.make(GRIDWORLD_ID, layout=LEDGE_LAYOUT, slip_probability=0.1)
    policies = record_greedy_policies(env, 3000, alpha=0.1, gamma=1.0, epsilon=0.1, seed=0)
    changes = changes_per_episode(policies)
    quiet = next(e for e in range(len(changes), 0, -1) if changes[e - 1] > 0)
    print(f"{sum(changes)} action changes; the last one in episode {quiet}")
    print("\n".join(arrow_rows(unwrap_gridworld(env), policies[-1])))
    save_policy_strip(unwrap_gridworld(env), policies, [1, 10, 100, 1000, 3000], Path("strip.png"))
    print("saved strip.png")
