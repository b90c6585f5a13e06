"""Check of exercise 1: CleaningRobot resets and steps as its docstring says, on seeded
random states, passes Gymnasium's check_env and follows its seed."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from types import ModuleType
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium.envs.registration import EnvSpec
from gymnasium.utils.env_checker import check_env
from gymnasium.utils.seeding import np_random

from coursetools.check_helpers import (
    CheckFailed,
    expect_equal,
    expect_seeded,
    expect_true,
    get_function,
    random_cases,
)

NAMES = ("LEFT", "RIGHT", "CLEAN", "TIP")
SEED_HINT = "draw with self.np_random, which super().reset(seed=seed) seeds (not np.random)"


def expected_step(n_cells: int, position: int, messes: int, action: int) -> tuple[int, int, float]:
    """The reference: (position, messes, reward) after ``action``."""
    here = 1 << position
    if action == 0:
        return max(position - 1, 0), messes, 0.0
    if action == 1:
        return min(position + 1, n_cells - 1), messes, 0.0
    if action == 2:
        return (position, messes & ~here, 1.5) if messes & here else (position, messes, 0.0)
    return position, messes | here, 0.0


def check_spaces(robot: Callable[..., Any]) -> None:
    for n_cells in (3, 5):
        env = robot(n_cells)
        space = env.observation_space
        expect_true(isinstance(space, gym.spaces.Discrete), "observation_space: expected Discrete")
        expect_equal(
            int(space.n), n_cells * 2**n_cells, f"CleaningRobot({n_cells}).observation_space.n"
        )


def check_reset(robot: Callable[..., Any]) -> None:
    env = robot(4)
    drawn: list[tuple[int, int]] = []
    for seed in range(100):
        observation, info = env.reset(seed=seed)
        messes = (int(observation) - int(env.position)) // 4
        expect_equal(int(env.position), 0, f"reset(seed={seed}): the robot's position")
        expect_true(
            messes != 0,
            f"reset(seed={seed}) left no mess (messes = 0): draw among the non-empty patterns, "
            "self.np_random.integers(1, 2 ** n_cells)",
        )
        expect_equal(info.get("messes"), messes.bit_count(), f"reset(seed={seed}): info['messes']")
        drawn.append((seed, messes))
    for seed, messes in drawn:
        expected = int(np_random(seed)[0].integers(1, 16))
        expect_equal(
            messes, expected, f"reset(seed={seed}) of CleaningRobot(4): the messes; {SEED_HINT}"
        )


def check_steps(robot: Callable[..., Any]) -> None:
    def case(rng: np.random.Generator) -> tuple[int, int, int, int]:
        n_cells = int(rng.integers(2, 6))
        return (
            n_cells,
            int(rng.integers(n_cells)),
            int(rng.integers(2**n_cells)),
            int(rng.integers(4)),
        )

    fixed = [
        (4, 0, 0b0001, 2),
        (4, 1, 0b0001, 2),
        (4, 0, 0b0001, 0),
        (4, 3, 0b1000, 1),
        (4, 2, 0, 3),
    ]
    for n_cells, position, messes, action in fixed + random_cases(74, 200, case):
        env = robot(n_cells, 1.5)
        env.reset(seed=0)
        env.position, env.messes = position, messes
        got = env.step(action)
        new_position, new_messes, reward = expected_step(n_cells, position, messes, action)
        what = (
            f"CleaningRobot({n_cells}, reward_per_clean=1.5) at position {position} with messes "
            f"{messes:0{n_cells}b} (read right to left: bit i is cell i), action {NAMES[action]}"
        )
        expect_equal(int(got[0]), new_position + n_cells * new_messes, f"{what}: observation")
        expect_equal(float(got[1]), reward, f"{what}: reward")
        expect_equal(bool(got[2]), new_messes == 0, f"{what}: terminated")
        expect_equal(bool(got[3]), False, f"{what}: truncated (the time limit is gym.make's job)")
        expect_equal(got[4].get("messes"), new_messes.bit_count(), f"{what}: info['messes']")


def check_gymnasium(robot: Callable[..., Any]) -> None:
    spec = EnvSpec(id="check74/CleaningRobot-v0", entry_point=robot, max_episode_steps=50)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            check_env(gym.make(spec).unwrapped)
        except (Warning, AssertionError) as problem:
            message = re.sub(r"\x1b\[[0-9;]*m", "", str(problem))
            raise CheckFailed(f"gymnasium's check_env on CleaningRobot: {message}") from None
    env = robot(4)

    def observations(seed: int) -> list[int]:
        first = [int(env.reset(seed=seed)[0])]
        return first + [int(env.reset()[0]) for _ in range(8)]

    expect_seeded(observations, "CleaningRobot(4).reset(seed=...) then reset() eight times")


def check(module: ModuleType) -> None:
    robot = get_function(module, "CleaningRobot")
    check_spaces(robot)
    check_reset(robot)
    check_steps(robot)
    check_gymnasium(robot)
