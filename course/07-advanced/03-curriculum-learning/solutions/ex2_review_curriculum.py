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

from rlcourse.agents.tabular import make_q_table, q_learning_episode
from rlcourse.envs import GRIDWORLD_ID


def fixed_stage(episode: int, episodes: int, n_tasks: int) -> int:
    """The task of ``episode`` (0-based) when ``episodes`` are split into n_tasks equal
    blocks, easiest (task 0) first: floor(n_tasks * episode / episodes)."""
    return min(n_tasks * episode // episodes, n_tasks - 1)


def review_stage(stage: int, review_probability: float, rng: np.random.Generator) -> int:
    """With probability review_probability (one rng.random() draw) an earlier task, drawn
    uniformly from 0 .. stage - 1 with rng.integers; otherwise ``stage``. Stage 0 has
    nothing to review."""
    if stage > 0 and rng.random() < review_probability:
        return int(rng.integers(stage))
    return stage


def train_with_review(
    envs: Sequence[gym.Env[Any, Any]], episodes: int, review_probability: float, seed: int
) -> tuple[np.ndarray, list[int]]:
    """Q-learning (q_learning_episode with alpha 0.2, gamma 0.95, epsilon 0.1 and the
    generator np.random.default_rng(seed)) on one Q-table for every task; the table and
    the task played in each episode."""
    rng = np.random.default_rng(seed)
    q = make_q_table(envs[0])
    played: list[int] = []
    for episode in range(episodes):
        task = review_stage(fixed_stage(episode, episodes, len(envs)), review_probability, rng)
        q_learning_episode(envs[task], q, 0.2, 0.95, 0.1, rng)
        played.append(task)
    return q, played


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
