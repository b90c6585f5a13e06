"""Check of exercise 2: register_once registers once with the time limit, and
random_returns plays seeded random episodes to their end, compared with the check's own."""

from __future__ import annotations

import warnings
from types import ModuleType
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_seeded,
    expect_true,
    get_function,
)

LIMIT = 12  # the check's time limit, in steps


class Drift(gym.Env[np.ndarray, np.int64]):
    """A point drifting on a line: the reward is the action's push plus noise from the
    env's generator; it never terminates, and fails the check if stepped past LIMIT."""

    metadata = {"render_modes": []}  # noqa: RUF012 (Gymnasium reads it from the class)

    def __init__(self) -> None:
        self.observation_space = spaces.Box(-1e6, 1e6, shape=(1,), dtype=np.float32)
        self.action_space = spaces.Discrete(3)
        self.x, self.steps = 0.0, 0

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[np.ndarray, dict[str, Any]]:
        super().reset(seed=seed)
        self.x, self.steps = float(self.np_random.normal()), 0
        return np.array([self.x], dtype=np.float32), {}

    def step(self, action: np.int64 | int) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        self.steps += 1
        if self.steps > LIMIT:
            raise CheckFailed(
                f"your loop stepped past the {LIMIT}-step time limit: an episode also ends "
                "when step returns truncated=True (stop on terminated or truncated)"
            )
        self.x += float(action) - 1.0 + float(self.np_random.normal())
        return np.array([self.x], dtype=np.float32), self.x, False, False, {}


def reference(env_id: str, episodes: int, seed: int) -> list[float]:
    env = gym.make(env_id)
    env.action_space.seed(seed)
    returns = []
    for episode in range(episodes):
        env.reset(seed=seed if episode == 0 else None)
        total = 0.0
        for _ in range(LIMIT):
            total += float(env.step(env.action_space.sample())[1])
        returns.append(total)
    return returns


def check(module: ModuleType) -> None:
    register_once = get_function(module, "register_once")
    random_returns = get_function(module, "random_returns")
    env_id = f"check62/Drift{np.random.default_rng().integers(10**9)}-v0"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            first = register_once(env_id, Drift, LIMIT)
            second = register_once(env_id, Drift, LIMIT)
        except UserWarning as warning:
            raise CheckFailed(
                f"register_once registered {env_id} twice (Gymnasium warned: {warning}); "
                "register only when the id is not yet in gym.registry"
            ) from None
    expect_equal((first, second), (env_id, env_id), "register_once's return value")
    expect_true(env_id in gym.registry, f"{env_id} is not in gym.registry after register_once")
    expect_equal(
        gym.spec(env_id).max_episode_steps,
        LIMIT,
        f"gym.spec({env_id!r}).max_episode_steps (pass max_episode_steps to gym.register)",
    )
    for episodes, seed in ((5, 0), (8, 3)):
        got = random_returns(env_id, episodes, seed)
        expected = reference(env_id, episodes, seed)
        expect_equal(len(got), episodes, f"random_returns({episodes} episodes): how many")
        what = f"random_returns(episodes={episodes}, seed={seed})"
        expect_true(
            len(set(np.round(got, 6))) == episodes,
            f"{what}: two episodes have the same return; seed only the first reset, "
            "so that every episode starts elsewhere",
        )
        expect_close(
            np.array(got),
            np.array(expected),
            f"{what}: the returns; seed env.action_space with the seed and the first "
            "reset only, and sample the actions from env.action_space",
        )
    expect_seeded(lambda seed: random_returns(env_id, 3, seed), "random_returns")
