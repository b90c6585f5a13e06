"""Training one Q-table on a sequence of tasks (Part 7.3).

A *schedule* decides which task each episode uses. Without a curriculum every episode is
the hardest task; a fixed curriculum spends equal blocks of episodes on each task, easiest
first; an adaptive one moves on once the greedy policy succeeds on the current task.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import gymnasium as gym
import numpy as np

from rlcourse.agents.tabular import make_q_table, q_learning_episode
from tasks import greedy_policy, make_env, success_probability

ALPHA, GAMMA, EPSILON = 0.2, 0.95, 0.1


@dataclass(frozen=True)
class Run:
    q: np.ndarray  # (S, 4) the final Q-table
    steps: list[int]  # environment steps so far, at each evaluation
    success: list[float]  # exact greedy success on the hardest task, at each evaluation
    stages: list[int]  # the task trained on, at each evaluation
    goal_episodes: int  # training episodes that reached the goal


# --8<-- [start:train]
def fixed_stage(episode: int, episodes: int, n_tasks: int) -> int:
    """Equal blocks of episodes per task, easiest first: task floor(k * episode / episodes)."""
    return min(n_tasks * episode // episodes, n_tasks - 1)


def train(
    tasks: Sequence[tuple[str, ...]],
    schedule: str,
    episodes: int,
    seed: int,
    eval_every: int = 10,
    promote_at: float = 0.9,
) -> Run:
    """Q-learning on ``tasks`` (easiest first) for ``episodes`` episodes in all.

    schedule: "none" (always the last task), "fixed" or "adaptive" (move to the next task
    when the greedy policy's success on the current one reaches ``promote_at``).
    """
    envs: list[gym.Env[Any, Any]] = [make_env(task) for task in tasks]
    for k, env in enumerate(envs):
        env.reset(seed=seed * 100 + k)  # each task's start cells, from its own stream
    rng = np.random.default_rng(seed)
    q = make_q_table(envs[0])
    stage = 0 if schedule != "none" else len(tasks) - 1
    steps, goals = 0, 0
    steps_at: list[int] = []
    success: list[float] = []
    stages: list[int] = []
    for episode in range(episodes):
        if schedule == "fixed":
            stage = fixed_stage(episode, episodes, len(tasks))
        played = q_learning_episode(envs[stage], q, ALPHA, GAMMA, EPSILON, rng)
        steps, goals = steps + played.length, goals + (played.total_reward > 0)
        if (episode + 1) % eval_every == 0:
            policy = greedy_policy(q)
            steps_at.append(steps)
            success.append(success_probability(tasks[-1], policy))
            stages.append(stage)
            current = success_probability(tasks[stage], policy)
            if schedule == "adaptive" and current >= promote_at and stage < len(tasks) - 1:
                stage += 1
    return Run(q, steps_at, success, stages, goals)


# --8<-- [end:train]
