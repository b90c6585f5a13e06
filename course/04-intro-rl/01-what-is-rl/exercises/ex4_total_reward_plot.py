"""Exercise 4: Plot agent total reward over time for a simple policy.

CartPole-v1 pays +1 for every step the pole stays up, for at most 500 steps. The
observation is (cart position, cart velocity, pole angle, pole angular velocity).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import gymnasium as gym
import matplotlib.pyplot as plt  # noqa: F401  (you will need it)
import numpy as np

Policy = Callable[[np.ndarray], int]


def angular_velocity_policy(observation: np.ndarray) -> int:
    """Push right (1) if the pole rotates to the right (angular velocity > 0), else left (0)."""
    raise NotImplementedError("look at observation[3]")


def episode_totals(env: gym.Env[Any, Any], policy: Policy, episodes: int, seed: int) -> np.ndarray:
    """The total reward of each of ``episodes`` episodes, shape (episodes,), float64.

    Seed exactly like this, so that runs can be compared: ``env.action_space.seed(seed)``
    once, ``env.reset(seed=seed)`` before the first episode and ``env.reset()`` before the
    others. Each episode runs until ``terminated`` or ``truncated``.
    """
    raise NotImplementedError("one loop over episodes, one over steps; add up the rewards")


def running_mean(totals: np.ndarray) -> np.ndarray:
    """Element i is the mean of totals[0], ..., totals[i]; same shape as ``totals``."""
    raise NotImplementedError("a cumulative sum divided by 1, 2, 3, ...")


def plot_totals(totals: dict[str, np.ndarray], path: Path) -> None:
    """One series per policy: each episode's total as dots, its running mean as a line.

    Label the axes ("episode", "total reward") and add a legend; save a PNG at ``path``.
    """
    raise NotImplementedError("fig, ax = plt.subplots(); ...; fig.savefig(path)")
