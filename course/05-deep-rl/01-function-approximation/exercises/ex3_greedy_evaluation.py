"""Exercise 3: evaluate a trained Q-table greedily, and measure how often it is blind.

Fill in ``evaluate_greedy``, then run this file and `rlcourse check 5.1`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gymnasium as gym
import numpy as np


@dataclass(frozen=True)
class Evaluation:
    mean_return: float
    standard_error: float  # s / sqrt(n), s the sample standard deviation of the returns
    unseen_fraction: float  # share of evaluation steps taken from an all-zero row of q


def evaluate_greedy(env: gym.Env[Any, Any], q: np.ndarray, episodes: int, seed: int) -> Evaluation:
    """Play ``episodes`` fresh episodes with the greedy action ``int(np.argmax(q[state]))``.

    Seed only the first reset (``env.reset(seed=seed)``); each later ``env.reset()``
    continues the environment's random stream, so every episode is a new one. An episode
    ends when it is terminated or truncated. Returns the mean undiscounted return, its
    standard error, and the share of all steps whose state has a row of zeros in ``q``
    (a state training never updated, where argmax falls back to action 0).
    """
    # TODO: one loop over episodes, one over steps; count the unseen steps as you go
    raise NotImplementedError("evaluate_greedy")


if __name__ == "__main__":
    # A FrozenLake table that knows only the first row of the lake.
    env = gym.make("FrozenLake-v1", is_slippery=True)
    q = np.zeros((16, 4))
    q[:4, 2] = 1.0  # push right along the top row
    print(evaluate_greedy(env, q, episodes=200, seed=0))
