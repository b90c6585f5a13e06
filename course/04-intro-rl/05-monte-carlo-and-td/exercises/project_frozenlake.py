"""Project: TD(0) value estimates on FrozenLake-v1, drawn next to the exact values, and the
success rate of the greedy policy they give, measured with its standard error.

Fill in the three functions, then run this file and `rlcourse check 4.5`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
from gymnasium.envs.toy_text.frozen_lake import FrozenLakeEnv

from rlcourse.agents.tabular import greedy_actions
from rlcourse.dp import action_values, solve_policy_values, value_iteration
from rlcourse.mdp import tabular_mdp, uniform_policy


def td0_estimate(
    env: gym.Env[Any, Any], policy: np.ndarray, episodes: int, alpha: float, seed: int
) -> np.ndarray:
    """TD(0) estimate of V^policy (gamma = 1) from ``episodes`` episodes, starting at V = 0.

    Seed once, before the first episode: ``env.reset(seed=seed)`` and one generator
    ``rng = np.random.default_rng(seed)`` for the actions; then play each episode with
    ``play_episode(env, policy, rng)`` and update with ``td0_update`` step by step, so
    that the same arguments give the same estimate. Returns shape (n_states,).
    """
    # TODO: play_episode and td0_update from rlcourse.agents.prediction (import them)
    # do the work; what is yours is the loop and the seeding.
    raise NotImplementedError("td0_estimate")


def success_rate(
    env: gym.Env[Any, Any], actions: np.ndarray, episodes: int, seed: int
) -> tuple[float, float]:
    """Play ``episodes`` episodes with ``actions[state]`` (first reset seeded with ``seed``);
    return the fraction that reached the goal (reward 1) and its standard error,
    sqrt(p (1 - p) / episodes)."""
    raise NotImplementedError("success_rate")


def plot_value_heatmaps(estimated: np.ndarray, exact: np.ndarray, path: Path) -> None:
    """Two square heatmaps side by side (estimate, exact), the same colour scale, each cell
    labelled with its value to 3 decimals; save to ``path`` as PNG. Shapes (n_states,)."""
    fig, axes = plt.subplots(1, 2, figsize=(9, 4.4), dpi=100)
    axes[0].set_title("TD(0) estimate")
    axes[1].set_title("exact")
    # TODO: imshow each vector reshaped to (4, 4) with the same vmin and vmax, write each
    # value in its cell with ax.text, then fig.savefig(path) before closing the figure.
    plt.close(fig)
    raise NotImplementedError("plot_value_heatmaps")


if __name__ == "__main__":
    env = gym.make("FrozenLake-v1")
    lake = env.unwrapped
    if not isinstance(lake, FrozenLakeEnv):  # narrows the type, so .P is known
        raise TypeError(f"expected FrozenLake, got {type(lake).__name__}")
    mdp = tabular_mdp(lake.P, 16, 4)
    random_policy = uniform_policy(16, 4)
    exact = solve_policy_values(mdp, random_policy, gamma=1.0).numpy()
    estimate = td0_estimate(env, random_policy, episodes=10_000, alpha=0.01, seed=0)
    plot_value_heatmaps(estimate, exact, Path("frozenlake_heatmaps.png"))
    print("saved frozenlake_heatmaps.png")
    for name, actions in (
        ("greedy of the TD(0) estimate", greedy_actions(action_values(mdp, estimate, 1.0))),
        ("optimal", greedy_actions(value_iteration(mdp, gamma=1.0).q_values)),
    ):
        rate, error = success_rate(env, actions, episodes=10_000, seed=1)
        print(f"{name}: success rate {rate:.3f} ± {error:.3f}")
