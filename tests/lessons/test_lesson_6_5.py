"""Lesson 6.5: what the generic lesson test cannot know about the capstone's house."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

from coursetools.file_import import import_file
from coursetools.lessons import load
from tests.lessons.conftest import QuickRun

LESSON = load("6.5")
thermostat = import_file(LESSON.folder / "thermostat.py")


@pytest.fixture(scope="module")
def quick(quick_run: QuickRun) -> tuple[dict[str, dict[str, Any]], Path]:
    run = quick_run(LESSON.id)
    return run.results, run.out_dir


def test_the_house_passes_check_env_with_warnings_as_errors() -> None:
    env = gym.make(thermostat.THERMOSTAT_ID, render_mode="rgb_array")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_env(env.unwrapped)
    env.reset(seed=0)
    frame = env.render()
    assert isinstance(frame, np.ndarray) and frame.dtype == np.uint8 and frame.shape[2] == 3


def day(seed: int) -> list[float]:
    env = gym.make(thermostat.THERMOSTAT_ID)
    observation, _ = env.reset(seed=seed)
    seen = [float(x) for x in observation]
    for step in range(thermostat.STEPS_PER_DAY):
        observation, reward, terminated, truncated, _ = env.step(step % 3)
        seen += [float(reward), *map(float, observation)]
        # Midnight is a true end (the clock is observed): the environment terminates. The
        # registered 48-step time limit is a safety net that fires at the same step; only
        # terminated stops the DQN's bootstrap.
        midnight = step + 1 == thermostat.STEPS_PER_DAY
        assert terminated == midnight and truncated == midnight
    return seen


def test_the_environment_itself_terminates_at_midnight_and_never_truncates() -> None:
    env = thermostat.ThermostatEnv()
    env.reset(seed=0)
    ends = [env.step(1)[2:4] for _ in range(thermostat.STEPS_PER_DAY)]
    assert ends == [(False, False)] * (thermostat.STEPS_PER_DAY - 1) + [(True, False)]


def test_a_seed_fixes_the_day_and_another_seed_changes_it() -> None:
    assert day(3) == day(3)
    assert day(3) != day(4)


def test_the_reward_is_minus_the_money_paid() -> None:
    house = thermostat.House(noise=0.0)
    env = thermostat.ThermostatEnv(house=house)
    env.reset(seed=0)
    env.inside, env.outside_mean = 21.0, 3.0  # inside the band: only energy is paid
    _, reward, *_ = env.step(2)  # full power at 00:00: 3 kW x 0.5 h x 0.10
    assert reward == pytest.approx(-0.15)
    env.step_count, env.inside = 20, 10.0  # 10:00, nobody home: cold is free
    _, reward, *_ = env.step(0)
    assert reward == 0.0


def test_quick_run_trains_compares_and_checks_a_fresh_project(
    quick: tuple[dict[str, dict[str, Any]], Path],
) -> None:
    results, out = quick
    assert (
        results["demo_environment"]["means"]["thermostat"]
        > results["demo_environment"]["means"]["always off"]
    )
    assert len(results["demo_agent"]["agent_per_seed"]) == 3
    assert (out / "learning_curves.png").is_file() and (out / "one_day.png").is_file()
    assert len(results["demo_behaviour"]["kwh"]["thermostat"]) == 3  # three prices
    assert len(results["demo_share"]["failing"]) == 5
