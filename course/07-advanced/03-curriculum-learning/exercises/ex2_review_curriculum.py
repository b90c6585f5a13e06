"""Exercise 2: a curriculum with review. Easier tasks first, in equal blocks of episodes;
and, with some probability, an episode goes back to a task already passed, so what was
learned there is refreshed rather than overwritten.

Fill in the three functions, then run this file and `rlcourse check 7.3`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import gymnasium as gym
import numpy as np

from rlcourse.agents.tabular import make_q_table, q_learning_episode  # noqa: F401
from rlcourse.envs import GRIDWORLD_ID


def fixed_stage(episode: int, episodes: int, n_tasks: int) -> int:
    """The task of ``episode`` (0-based) when ``episodes`` are split into n_tasks equal
    blocks, easiest (task 0) first: floor(n_tasks * episode / episodes)."""
    raise NotImplementedError("fixed_stage")


def review_stage(stage: int, review_probability: float, rng: np.random.Generator) -> int:
    """With probability review_probability (one rng.random() draw) an earlier task, drawn
    uniformly from 0 .. stage - 1 with rng.integers; otherwise ``stage``. Stage 0 has
    nothing to review."""
    raise NotImplementedError("review_stage")


def train_with_review(
    envs: Sequence[gym.Env[Any, Any]], episodes: int, review_probability: float, seed: int
) -> tuple[np.ndarray, list[int]]:
    """Q-learning (q_learning_episode with alpha 0.2, gamma 0.95, epsilon 0.1 and the
    generator np.random.default_rng(seed)) on one Q-table for every task; the table and
    the task played in each episode."""
    raise NotImplementedError("train_with_review")


if __name__ == "__main__":
    corridor = "G........."
    envs = []
    for start in (2, 5, 9):  # starts 2, 5 and 9 moves from the goal
        layout = (corridor[:start] + "S" + corridor[start + 1 :],)
        env = gym.make(
            GRIDWORLD_ID, max_episode_steps=30, layout=layout, step_cost=0.0, goal_reward=1.0
        )
        env.reset(seed=start)
        envs.append(env)
    q, played = train_with_review(envs, 60, 0.2, seed=0)
    print("tasks played:", "".join(str(task) for task in played))
    print("greedy action per cell (3 = left, towards G):", q.argmax(axis=1))
