"""Check of exercise 1: the states and labels against a reference collector on CartPole with
a short time limit, with noise 0, some noise and only noise, and seeds."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import gymnasium as gym
import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_dtype,
    expect_seeded,
    expect_shape,
    expect_true,
    expect_type,
    get_function,
    random_cases,
    stop_after,
)

LIMIT = 40  # a short time limit, so truncation happens within the check's steps


def make_env() -> gym.Env[np.ndarray, int]:
    return stop_after(gym.make("CartPole-v1", max_episode_steps=LIMIT), LIMIT)


def linear_expert(weights: np.ndarray) -> Callable[[np.ndarray], int]:
    def expert(observation: np.ndarray) -> int:
        return int(observation @ weights > 0)

    return expert


def reference(
    expert: Callable[[np.ndarray], int], steps: int, noise: float, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    env = gym.make("CartPole-v1", max_episode_steps=LIMIT)
    rng = np.random.default_rng(seed)
    states, labels = [], []
    observation, _ = env.reset(seed=seed)
    for _ in range(steps):
        states.append(observation)
        labels.append(expert(observation))
        noisy = rng.random() < noise
        action = int(rng.integers(2)) if noisy else labels[-1]
        observation, _, terminated, truncated, _ = env.step(action)
        if terminated or truncated:
            observation, _ = env.reset()
    return np.array(states, dtype=np.float32), np.array(labels, dtype=np.int64)


def case(rng: np.random.Generator) -> tuple[np.ndarray, float, int]:
    weights = np.array([0.1, 0.5, 1.0, 0.5]) * rng.uniform(0.5, 2.0, size=4)
    return weights, float(rng.choice([0.0, 0.2, 0.5, 1.0])), int(rng.integers(100))


def run(collect: Any, weights: np.ndarray, steps: int, noise: float, seed: int) -> tuple[Any, Any]:
    result = collect(make_env(), linear_expert(weights), steps, noise, seed)
    what = f"collect(..., steps={steps}, noise={noise}, seed={seed})"
    pair = expect_type(result, tuple, what)
    expect_true(len(pair) == 2, f"{what} should return (states, labels), got {len(pair)} items")
    states = expect_type(pair[0], np.ndarray, f"{what}'s states")
    labels = expect_type(pair[1], np.ndarray, f"{what}'s labels")
    expect_shape(states, (steps, 4), f"{what}'s states")
    expect_shape(labels, (steps,), f"{what}'s labels")
    expect_dtype(states, np.float32, f"{what}'s states")
    expect_dtype(labels, np.int64, f"{what}'s labels")
    return states, labels


def diagnose(
    weights: np.ndarray, noise: float, seed: int, states: np.ndarray, labels: np.ndarray
) -> None:
    steps = len(states)
    what = f"noise={noise}, seed={seed}"
    right_states, _ = reference(linear_expert(weights), steps, noise, seed)
    shifted = np.isclose(states[:-1], right_states[1:], atol=1e-6).all(axis=1)
    if shifted.mean() > 0.8:  # all rows but those at a reset: the next observation
        raise CheckFailed(
            f"{what}: each row holds the state after the action (the next observation); "
            "record the state the expert labels, before env.step"
        )
    if not np.allclose(states[0], right_states[0]):
        raise CheckFailed(
            f"{what}: the first state {states[0].round(4).tolist()} is not the state of "
            f"env.reset(seed={seed}), {right_states[0].round(4).tolist()}"
        )
    expert_says = np.array([linear_expert(weights)(s) for s in states])
    if not np.array_equal(labels, expert_says):
        raise CheckFailed(
            f"{what}: some labels are not the expert's action in their state; label every "
            "state with expert(state), also when a random action is taken (the label is "
            "what the expert would do, not what was done)"
        )
    flipped, _ = reference(linear_expert(weights), steps, 1.0 - noise, seed)
    if noise != 0.5 and np.allclose(states, flipped):
        raise CheckFailed(
            f"{what}: your states are those of noise {1.0 - noise}: take the random action "
            "when u < noise, the expert's otherwise"
        )
    expect_array_equal(states, right_states, f"{what}: the states visited")


def check(module: ModuleType) -> None:
    collect = get_function(module, "collect")
    fixed = [
        (np.array([0.1, 0.5, 1.0, 0.5]), 0.0, 0),
        (np.array([0.1, 0.5, 1.0, 0.5]), 0.3, 1),
    ]
    for weights, noise, seed in [*fixed, *random_cases(64, 4, case)]:
        states, labels = run(collect, weights, 100, noise, seed)
        diagnose(weights, noise, seed, states, labels)
    weights = np.array([0.1, 0.5, 1.0, 0.5])
    expect_seeded(
        lambda seed: run(collect, weights, 60, 0.5, seed)[0],
        "collect(..., noise=0.5, seed)'s states",
    )
