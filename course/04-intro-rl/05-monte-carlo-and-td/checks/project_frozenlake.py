"""Check of the project: a TD(0) estimate on FrozenLake, success rates, and the heatmaps.

The reference values come from rlcourse.dp: the exact values of the random policy, and
the exact success probability of value iteration's policy within the 100-step limit.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium.envs.toy_text.frozen_lake import FrozenLakeEnv

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_png,
    expect_shape,
    expect_true,
    expect_type,
    get_function,
)
from rlcourse.dp import evaluate_policy, solve_policy_values, value_iteration
from rlcourse.mdp import TabularMDP, deterministic_policy, tabular_mdp, uniform_policy


def lake() -> tuple[gym.Env[Any, Any], FrozenLakeEnv, TabularMDP]:
    env = gym.make("FrozenLake-v1")
    inner = env.unwrapped
    if not isinstance(inner, FrozenLakeEnv):
        raise CheckFailed("gym.make('FrozenLake-v1') did not build a FrozenLakeEnv")
    return env, inner, tabular_mdp(inner.P, 16, 4)


def pair(value: object, what: str) -> tuple[float, float]:
    if not isinstance(value, tuple) or len(value) != 2:
        raise CheckFailed(f"{what} should return a tuple (rate, standard error), got {value!r}")
    return float(value[0]), float(value[1])


def check_estimate(td0_estimate: Callable[..., Any]) -> None:
    env, _, mdp = lake()
    policy = uniform_policy(16, 4)
    exact = solve_policy_values(mdp, policy, gamma=1.0).numpy()
    what = "td0_estimate(FrozenLake, random policy, 10000 episodes, alpha 0.01, seed 0)"
    values = expect_type(td0_estimate(env, policy, 10_000, 0.01, 0), np.ndarray, what)
    expect_shape(values, (16,), what)
    # Over 20 seeds, the reference solution's worst state is at most 0.10 from the truth
    # and its mean absolute error at most 0.016; the margins allow for other random streams.
    expect_close(values, exact, f"{what} against the exact values from rlcourse.dp", atol=0.15)
    mean_error = float(np.abs(values - exact).mean())
    expect_true(
        mean_error < 0.03,
        f"{what}: the mean absolute error is {mean_error:.3f}, expected below 0.03",
    )
    again = td0_estimate(env, policy, 10_000, 0.01, 0)
    expect_close(again, values, "a second call with the same seed (seed env.reset and the rng)")


def check_success_rate(success_rate: Callable[..., Any]) -> None:
    env, inner, mdp = lake()
    optimal = value_iteration(mdp, gamma=1.0).q_values.argmax(dim=1).numpy()
    policy = deterministic_policy(optimal, 4)
    exact = evaluate_policy(mdp, policy, inner.initial_state_distrib, 100).expected_return
    what = "success_rate(FrozenLake, optimal actions, 3000 episodes, seed 0)"
    rate, error = pair(success_rate(env, optimal, 3000, 0), what)
    expect_close(
        error,
        float(np.sqrt(rate * (1 - rate) / 3000)),
        f"{what}: standard error sqrt(p (1 - p) / n) for your rate {rate:.4f}",
    )
    # The exact success probability within 100 steps is 0.740; four standard errors of
    # 3000 episodes (0.008 each) leave room for honest luck.
    expect_close(rate, exact, f"{what}: rate against the exact {exact:.3f}", atol=0.032)

    corridor = gym.make("FrozenLake-v1", desc=["SFG"], is_slippery=False, max_episode_steps=5)
    got = pair(success_rate(corridor, np.array([2, 2, 2]), 7, 0), "success_rate(corridor)")
    expect_equal(got, (1.0, 0.0), "success_rate on a non-slippery S F G corridor, always right")
    got = pair(success_rate(corridor, np.array([0, 0, 0]), 7, 0), "success_rate(corridor)")
    expect_equal(
        got,
        (0.0, 0.0),
        "success_rate on the same corridor, always left (every episode hits the 5-step limit)",
    )


def check_plot(plot_value_heatmaps: Callable[..., Any]) -> None:
    exact = np.linspace(0.0, 0.5, 16)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "heatmaps.png"
        plot_value_heatmaps(exact[::-1].copy(), exact, path)
        expect_png(path, "plot_value_heatmaps(estimated, exact, path)", (400, 200), 50)


def check(module: ModuleType) -> None:
    check_estimate(get_function(module, "td0_estimate"))
    check_success_rate(get_function(module, "success_rate"))
    check_plot(get_function(module, "plot_value_heatmaps"))
