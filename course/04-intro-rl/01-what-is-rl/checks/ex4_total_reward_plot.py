"""Check for exercise 4: the policy, the totals of seeded CartPole episodes, and the plot."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import gymnasium as gym
import numpy as np

from coursetools.check_helpers import (
    expect_close,
    expect_equal,
    expect_png,
    expect_shape,
    expect_type,
    get_function,
)


def lean(observation: np.ndarray) -> int:
    return int(observation[2] > 0.0)


def reference_totals(policy_name: str, episodes: int, seed: int) -> np.ndarray:
    """Totals of "lean" or "random" episodes, played here and seeded as the stub says."""
    env = gym.make("CartPole-v1")
    policies: dict[str, Callable[[np.ndarray], int]] = {
        "lean": lean,
        "random": lambda observation: int(env.action_space.sample()),
    }
    policy = policies[policy_name]
    env.action_space.seed(seed)
    totals = np.zeros(episodes)
    for episode in range(episodes):
        observation, _ = env.reset(seed=seed if episode == 0 else None)
        done = False
        while not done:
            observation, reward, terminated, truncated, _ = env.step(policy(observation))
            totals[episode] += float(reward)
            done = terminated or truncated
    return totals


def check_policy(module: ModuleType) -> None:
    policy = get_function(module, "angular_velocity_policy")
    for observation, expected in [
        ([0.0, 0.0, 0.05, 0.3], 1),
        ([0.0, 0.0, 0.05, -0.3], 0),  # leaning right but falling back left: push left
        ([1.0, -2.0, -0.1, 0.01], 1),
    ]:
        got = policy(np.array(observation, dtype=np.float32))
        expect_equal(int(got), expected, f"angular_velocity_policy({observation})")


def check_totals(module: ModuleType) -> None:
    episode_totals = get_function(module, "episode_totals")
    env = gym.make("CartPole-v1")
    got = expect_type(episode_totals(env, lean, 5, 3), np.ndarray, "episode_totals(lean, 5, 3)")
    expect_shape(got, (5,), "episode_totals(lean, 5, seed=3)")
    expect_close(got, reference_totals("lean", 5, 3), "episode_totals(lean policy, 5, seed=3)")

    def random_policy(observation: np.ndarray) -> int:
        return int(env.action_space.sample())

    env = gym.make("CartPole-v1")
    got = episode_totals(env, random_policy, 4, 7)
    expect_close(
        np.asarray(got), reference_totals("random", 4, 7), "episode_totals(random policy, 4, 7)"
    )


def check_plot(module: ModuleType) -> None:
    running_mean = get_function(module, "running_mean")
    totals = np.array([10.0, 20.0, 60.0, 10.0])
    expect_close(
        running_mean(totals), np.array([10.0, 15.0, 30.0, 25.0]), f"running_mean({totals})"
    )
    plot_totals = get_function(module, "plot_totals")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "totals.png"
        plot_totals({"lean": totals, "other": totals + 5}, path)
        expect_png(path, "plot_totals(totals, path)")


def check(module: ModuleType) -> None:
    check_policy(module)
    check_totals(module)
    check_plot(module)
