"""Check for exercise 1: the same episode as a reference loop, one printed line per step."""

from __future__ import annotations

import contextlib
import io
from types import ModuleType
from typing import Any

import gymnasium as gym

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_type,
    get_function,
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
    with contextlib.redirect_stdout(printed):
        got = run_episode(gym.make("FrozenLake-v1", **env_kwargs), lambda state: action, seed)
    got = expect_type(got, list, what)
    expect_equal(as_tuples(got, what), as_tuples(expected, "reference"), f"{what}: transitions")
    lines = [line for line in printed.getvalue().splitlines() if line.strip()]
    expect_equal(len(lines), len(expected), f"{what}: number of printed lines (one per step)")


def check(module: ModuleType) -> None:
    # Slippery lake: the moves are random, so only a correctly seeded reset reproduces them.
    check_episode(module, {}, RIGHT, seed=3)
    check_episode(module, {}, RIGHT, seed=11)
    # Not slippery, pushing left at the start: the agent never moves, the time limit ends it.
    check_episode(module, {"is_slippery": False, "max_episode_steps": 5}, LEFT, seed=0)
    episode_return = get_function(module, "episode_return")
    rewards = [0.0, -1.0, 2.0, 4.0]
    transitions = [Step(0, 0, r, 0, False, False) for r in rewards]
    expected = sum(0.5**t * r for t, r in enumerate(rewards))
    expect_close(
        episode_return(transitions, 0.5), expected, f"episode_return(rewards {rewards}, 0.5)"
    )
