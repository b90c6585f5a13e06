"""Exercise 4: Plot agent total reward over time for a simple policy (solution).

CartPole-v1 pays +1 for every step the pole stays up, for at most 500 steps. The
observation is (cart position, cart velocity, pole angle, pole angular velocity).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np

Policy = Callable[[np.ndarray], int]


def angular_velocity_policy(observation: np.ndarray) -> int:
    """Push right (1) if the pole rotates to the right (angular velocity > 0), else left (0)."""
    return int(observation[3] > 0.0)


def episode_totals(env: gym.Env[Any, Any], policy: Policy, episodes: int, seed: int) -> np.ndarray:
    """The total reward of each of ``episodes`` episodes, shape (episodes,), float64.

    Seed exactly like this, so that runs can be compared: ``env.action_space.seed(seed)``
    once, ``env.reset(seed=seed)`` before the first episode and ``env.reset()`` before the
    others. Each episode runs until ``terminated`` or ``truncated``.
    """
    env.action_space.seed(seed)
    totals = np.zeros(episodes)
    for episode in range(episodes):
        observation, _ = env.reset(seed=seed if episode == 0 else None)
        while True:
            observation, reward, terminated, truncated, _ = env.step(policy(observation))
            totals[episode] += float(reward)
            if terminated or truncated:
                break
    return totals


def running_mean(totals: np.ndarray) -> np.ndarray:
    """Element i is the mean of totals[0], ..., totals[i]; same shape as ``totals``."""
    return np.cumsum(totals) / np.arange(1, len(totals) + 1)


def plot_totals(totals: dict[str, np.ndarray], path: Path) -> None:
    """One series per policy: each episode's total as dots, its running mean as a line.

    Label the axes ("episode", "total reward") and add a legend; save a PNG at ``path``.
    """
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    for name, values in totals.items():
        episodes = np.arange(len(values))
        dots = ax.plot(episodes, values, ".", ms=4, alpha=0.5, label=f"{name}: each episode")
        ax.plot(episodes, running_mean(values), color=dots[0].get_color(), label=f"{name}: mean")
    ax.set_xlabel("episode")
    ax.set_ylabel("total reward")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
