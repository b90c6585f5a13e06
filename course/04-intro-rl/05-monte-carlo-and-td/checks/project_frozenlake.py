"""Check of the project: a TD(0) estimate on FrozenLake against a reference run with the
same seed, success rates against the exact success probability (rlcourse.dp), seeds, and
the heatmaps through their data."""

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
    expect_dtype,
    expect_equal,
    expect_png,
    expect_seeded,
    expect_shape,
    expect_true,
    expect_type,
    get_function,
    recorded_figures,
    saved_to,
    stop_after,
)
from rlcourse.agents.prediction import play_episode, td0_update
from rlcourse.dp import evaluate_policy, value_iteration
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


def reference_estimate(
    env: gym.Env[Any, Any], policy: np.ndarray, episodes: int, alpha: float, seed: int
) -> np.ndarray:
    env.reset(seed=seed)
    rng = np.random.default_rng(seed)
    values = np.zeros(policy.shape[0])
    for _ in range(episodes):
        for step in play_episode(env, policy, rng):
            td0_update(values, step, alpha, gamma=1.0)
    return values


def check_estimate(td0_estimate: Callable[..., Any]) -> None:
    env, _, _ = lake()
    policy = uniform_policy(16, 4)
    what = "td0_estimate(FrozenLake, random policy, 300 episodes, alpha 0.1, seed 3)"
    values = expect_type(td0_estimate(env, policy, 300, 0.1, 3), np.ndarray, what)
    expect_shape(values, (16,), what)
    expect_dtype(values, np.float64, what)
    expect_seeded(
        lambda seed: td0_estimate(env, policy, 300, 0.1, seed),
        "td0_estimate(FrozenLake, random policy, 300 episodes, alpha 0.1, seed)",
    )
    expect_close(
        values,
        reference_estimate(env, policy, 300, 0.1, 3),
        f"{what} against the same run made here (env.reset(seed=seed) and "
        "np.random.default_rng(seed) once, then play_episode and td0_update)",
    )


def check_success_rate(success_rate: Callable[..., Any]) -> None:
    env, inner, mdp = lake()
    env = stop_after(env, 100)  # FrozenLake's time limit
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

    expect_seeded(
        lambda seed: success_rate(env, optimal, 100, seed),
        "success_rate(FrozenLake, optimal actions, 100 episodes, seed)",
    )
    corridor = stop_after(
        gym.make("FrozenLake-v1", desc=["SFG"], is_slippery=False, max_episode_steps=5), 5
    )
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
    estimated = np.random.default_rng(57).uniform(0.0, 0.6, size=16)
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "heatmaps.png"
        plot_value_heatmaps(estimated.copy(), exact.copy(), path)
        expect_png(path, "plot_value_heatmaps(estimated, exact, path)", (400, 200), 50)
        figure = saved_to(figures, path, "plot_value_heatmaps")
    panels = [axes for axes in figure.axes if axes.images]
    expect_equal(len(panels), 2, "heatmaps in the figure (estimate, exact)")
    for axes, values, what in ((panels[0], estimated, "left"), (panels[1], exact, "right")):
        name = "the estimate" if what == "left" else "the exact values"
        expect_close(axes.images[0], values.reshape(4, 4), f"the {what} heatmap: {name}, 4 x 4")
        labels = {f"{value:.3f}" for value in values}
        missing = sorted(labels - set(axes.texts))
        expect_true(
            not missing,
            f"the {what} heatmap: cells without their value to 3 decimals, e.g. {missing[:3]}",
        )
    left, right = (axes.image_limits[0] for axes in panels)
    expect_true(
        np.allclose(left, right),
        f"the two heatmaps have different colour scales ({left} and {right}): give both the "
        "same vmin and vmax, so that equal colours mean equal values",
    )


def check(module: ModuleType) -> None:
    check_estimate(get_function(module, "td0_estimate"))
    check_success_rate(get_function(module, "success_rate"))
    check_plot(get_function(module, "plot_value_heatmaps"))
