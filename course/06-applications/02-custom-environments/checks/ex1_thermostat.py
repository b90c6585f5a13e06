"""Check of exercise 1: Thermostat resets and steps as its docstring says, on seeded random
cases, draws only from self.np_random, and passes Gymnasium's check_env."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from types import ModuleType
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium.utils.env_checker import check_env
from gymnasium.utils.seeding import np_random

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_true,
    get_function,
    random_cases,
)

TARGET, LOSS, HEAT, ENERGY_COST = 21.0, 0.05, 1.0, 0.2
SEED_HINT = "call super().reset(seed=seed) first and draw with self.np_random (not np.random)"


def check_observation(observation: object, what: str) -> np.ndarray:
    expect_true(isinstance(observation, np.ndarray), f"{what}: expected a NumPy array")
    assert isinstance(observation, np.ndarray)
    expect_equal(observation.shape, (2,), f"{what}: the observation's shape")
    expect_true(
        observation.dtype == np.float32,
        f"{what}: the observation has dtype {observation.dtype}, expected float32 as the "
        "Box declares (np.array(..., dtype=np.float32))",
    )
    return observation


def check_reset(thermostat: Callable[[], Any]) -> None:
    env = thermostat()
    for seed in range(30):
        observation, info = env.reset(seed=seed)
        observation = check_observation(observation, f"reset(seed={seed})")
        expect_true(isinstance(info, dict), f"reset(seed={seed}): info must be a dict")
        generator = np_random(seed)[0]
        room, outside = generator.uniform(10.0, 20.0), generator.uniform(-5.0, 10.0)
        expect_close(
            observation,
            np.array([room, outside], dtype=np.float32),
            f"reset(seed={seed}): [room, outside]; {SEED_HINT}, room first",
        )


def check_steps(thermostat: Callable[[], Any]) -> None:
    def case(rng: np.random.Generator) -> tuple[float, float, int]:
        return float(rng.uniform(5, 30)), float(rng.uniform(-5, 10)), int(rng.integers(2))

    fixed = [(21.0, 0.0, 0), (21.0, 0.0, 1), (15.0, 5.0, 1), (25.0, -5.0, 0)]
    for room, outside, action in fixed + random_cases(62, 100, case):
        env = thermostat()
        env.reset(seed=0)
        env.room, env.outside = room, outside
        observation, reward, terminated, truncated, _ = env.step(action)
        what = f"room {room:.2f} °C, outside {outside:.2f} °C, action {action}"
        observation = check_observation(observation, what)
        new_room = room + LOSS * (outside - room) + HEAT * action
        expect_close(
            observation,
            np.array([new_room, outside], dtype=np.float32),
            f"{what}: the observation after step (room' = room + LOSS (outside - room) + HEAT a)",
        )
        expected = -abs(new_room - TARGET) - ENERGY_COST * action
        expect_close(
            float(reward), expected, f"{what}: reward (-|room' - TARGET| - ENERGY_COST a)", 1e-5
        )
        expect_equal(bool(terminated), False, f"{what}: terminated (a room never ends)")
        expect_equal(bool(truncated), False, f"{what}: truncated (the time limit's job)")


def check_gymnasium(thermostat: Callable[[], Any]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            check_env(thermostat(), skip_render_check=True)
        except (Warning, AssertionError) as problem:
            message = re.sub(r"\x1b\[[0-9;]*m", "", str(problem))
            raise CheckFailed(f"gymnasium's check_env on Thermostat: {message}") from None


def check(module: ModuleType) -> None:
    thermostat = get_function(module, "Thermostat")
    env = thermostat()
    expect_true(
        isinstance(env.observation_space, gym.spaces.Box) and env.observation_space.shape == (2,),
        "observation_space: expected a Box of shape (2,)",
    )
    check_reset(thermostat)
    check_steps(thermostat)
    check_gymnasium(thermostat)
