"""Check for exercise 1: the same episode as a reference loop (slippery and cut by a time
limit), one printed line per step, and discounted returns, fixed and random."""

from __future__ import annotations

import contextlib
import io
from types import ModuleType
from typing import Any

import gymnasium as gym
import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_type,
    get_function,
    random_cases,
    stop_after,
)
from rlcourse.episodes import Step

RIGHT, LEFT = 2, 0


def reference_episode(env: gym.Env[Any, Any], action: int, seed: int) -> list[Step]:
    """The episode of the constant policy ``action``, played here, independently."""
    state, _ = env.reset(seed=seed)
    steps: list[Step] = []
    while True:
        next_state, reward, terminated, truncated, _ = env.step(action)
        steps.append(Step(state, action, float(reward), next_state, terminated, truncated))
        if terminated or truncated:
            return steps
        state = next_state


def as_tuples(transitions: list[Any], what: str) -> list[tuple[Any, ...]]:
    fields = ("state", "action", "reward", "next_state", "terminated", "truncated")
    rows: list[tuple[Any, ...]] = []
    for transition in transitions:
        missing = [name for name in fields if not hasattr(transition, name)]
        if missing:
            raise CheckFailed(f"{what}: a transition has no {missing}: return Step objects")
        rows.append(tuple(getattr(transition, name) for name in fields))
    return rows


def check_episode(module: ModuleType, env_kwargs: dict[str, Any], action: int, seed: int) -> None:
    run_episode = get_function(module, "run_episode")
    what = f"run_episode(FrozenLake-v1 {env_kwargs}, always action {action}, seed={seed})"
    expected = reference_episode(gym.make("FrozenLake-v1", **env_kwargs), action, seed)
    printed = io.StringIO()
    env = stop_after(
        gym.make("FrozenLake-v1", **env_kwargs), env_kwargs.get("max_episode_steps", 100)
    )
    with contextlib.redirect_stdout(printed):
        got = run_episode(env, lambda state: action, seed)
    got = expect_type(got, list, what)
    expect_equal(
        as_tuples(got, what),
        as_tuples(expected, "reference"),
        f"{what}: transitions (state before the step, action, reward, next state, flags; "
        "reset once with env.reset(seed=seed))",
    )
    lines = [line for line in printed.getvalue().splitlines() if line.strip()]
    expect_equal(len(lines), len(expected), f"{what}: number of printed lines (one per step)")


def check(module: ModuleType) -> None:
    # Slippery lake: the moves are random, so only a correctly seeded reset reproduces them.
    check_episode(module, {}, RIGHT, seed=3)
    check_episode(module, {}, RIGHT, seed=11)
    # Not slippery, pushing left at the start: the agent never moves, the time limit ends it.
    check_episode(module, {"is_slippery": False, "max_episode_steps": 5}, LEFT, seed=0)
    episode_return = get_function(module, "episode_return")

    def case(rng: np.random.Generator) -> tuple[list[float], float]:
        rewards = [float(r) for r in rng.integers(-3, 4, size=int(rng.integers(1, 7)))]
        return rewards, float(rng.uniform(0.1, 0.99))

    for rewards, gamma in [([0.0, -1.0, 2.0, 4.0], 0.5), *random_cases(12, 3, case)]:
        transitions = [Step(0, 0, r, 0, False, False) for r in rewards]
        expected = sum(gamma**t * r for t, r in enumerate(rewards))  # R_{t+1} weighs gamma^t
        got = episode_return(transitions, gamma)
        what = f"episode_return(rewards {rewards}, {gamma:.3g})"
        if np.isclose(got, gamma * expected) and not np.isclose(expected, gamma * expected):
            raise CheckFailed(
                f"{what}: got {got:.6g} = gamma * G_0: the first reward is not discounted "
                "(G_0 = R_1 + gamma R_2 + ...: R_1 counts in full)"
            )
        expect_close(got, expected, what)
