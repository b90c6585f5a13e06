"""Lesson 6.2: the Moon lander passes Gymnasium's checker, follows its seed and its physics,
and the committed results say what the post claims."""

from __future__ import annotations

import json
import math
import warnings
from pathlib import Path
from typing import Any

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env
from PIL import Image

from coursetools.file_import import import_file
from coursetools.lessons import load
from tests.lessons.conftest import QuickRun

LESSON = load("6.2")


@pytest.fixture(scope="module")
def lander() -> Any:
    return import_file(LESSON.folder / "lander.py")


@pytest.fixture(scope="module")
def quick(quick_run: QuickRun) -> tuple[dict[str, dict[str, Any]], Path]:
    run = quick_run(LESSON.id)
    return run.results, run.out_dir


def test_the_lander_passes_check_env_with_warnings_as_errors(lander: Any) -> None:
    # Another test in this process may have registered the id from lander.py imported under
    # another module name, one that is no longer importable: start from a clean registry.
    gym.registry.pop(lander.LANDER_ID, None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a second gym.register of the id would warn too
        env_id = lander.register_lander()
        assert lander.register_lander() == env_id
        env = gym.make(env_id, render_mode="rgb_array")
        check_env(env.unwrapped)
    assert gym.spec(env_id).max_episode_steps == lander.MAX_EPISODE_STEPS
    env.reset(seed=0)
    frame = env.render()
    assert isinstance(frame, np.ndarray) and frame.dtype == np.uint8 and frame.shape[2] == 3


def trajectory(lander: Any, seed: int) -> list[float]:
    env = lander.MoonLander()
    env.action_space.seed(seed)
    observation, _ = env.reset(seed=seed)
    values = list(observation)
    for _ in range(30):
        observation, reward, terminated, _, _ = env.step(env.action_space.sample())
        values += [*observation, reward]
        if terminated:
            break
    return values


def test_the_same_seed_gives_the_same_flight_and_another_seed_another(lander: Any) -> None:
    assert trajectory(lander, 3) == trajectory(lander, 3)
    assert trajectory(lander, 3) != trajectory(lander, 4)


def test_the_physics_reward_and_tank_follow_the_docstring(lander: Any) -> None:
    env = lander.MoonLander()
    env.reset(seed=0)
    env.height, env.velocity = 5.0, -2.0
    observation, reward, terminated, _, _ = env.step(1)
    velocity = -2.0 + (lander.THRUST - lander.GRAVITY) * lander.DT
    assert observation[1] == pytest.approx(velocity)
    assert observation[0] == pytest.approx(5.0 + velocity * lander.DT)
    assert observation[2] == pytest.approx(lander.TANK - lander.DT)
    assert reward == pytest.approx(-lander.FUEL_COST) and not terminated
    # A touchdown at 3 m/s: 10 - 5 * (3 - 1) = 0, and the episode ends.
    env.height, env.velocity = 0.01, -3.0 + lander.GRAVITY * lander.DT
    _, reward, terminated, _, info = env.step(0)
    assert terminated and info["outcome"] == "crashed"
    assert reward == pytest.approx(lander.LANDING_REWARD - lander.CRASH_COST * 2.0)
    # An empty tank ignores the engine and costs nothing.
    env.reset(seed=0)
    env.burns_left = 0
    _, reward, _, _, _ = env.step(1)
    assert reward == 0.0 and not env.engine_on


def test_minimum_fuel_matches_a_fine_simulation_of_the_late_burn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.syspath_prepend(str(LESSON.folder))  # landing.py imports lander.py beside it
    landing = import_file(LESSON.folder / "landing.py")
    lander = landing.lander
    height, velocity = 15.0, -2.0
    burn_start = None
    h, v, dt = height, velocity, 1e-4
    while h > 0:  # fall freely until the latest burn height, then brake at full thrust
        if burn_start is None and h <= landing.latest_burn_height(abs(v)):
            burn_start = h
        acceleration = (lander.THRUST if burn_start is not None else 0.0) - lander.GRAVITY
        v += acceleration * dt
        h += v * dt
    assert abs(v) == pytest.approx(lander.SAFE_SPEED, abs=0.01)
    exact = landing.minimum_fuel(height, velocity)
    brake_speed = math.sqrt(velocity**2 + 2 * lander.GRAVITY * (height - (burn_start or 0.0)))
    assert exact == pytest.approx((brake_speed - 1.0) / landing.NET_ACCELERATION, rel=1e-3)


def test_quick_run_makes_every_figure(quick: tuple[dict[str, dict[str, Any]], Path]) -> None:
    results, out = quick
    assert results["demo_lander"]["checker_warnings"] == 0
    assert results["demo_lander"]["same_seed_same_start"]
    assert (
        results["demo_random"]["outcomes"]["landed"] + results["demo_random"]["outcomes"]["crashed"]
        == results["demo_random"]["episodes"]
    )
    assert results["demo_train"]["total_steps"] > 0
    for name in ("free_fall_frames", "random_touchdowns", "learning_curves", "policy_map"):
        assert (out / f"{name}.png").stat().st_size > 0
    with Image.open(out / "landing.gif") as gif:
        assert getattr(gif, "n_frames", 1) > 1


def test_committed_results_show_dqn_learning_to_land() -> None:
    committed = json.loads((LESSON.outputs / "results.json").read_text(encoding="utf-8"))
    train = committed["demo_train"]
    random_landed = committed["demo_random"]["outcomes"]["landed"]
    assert train["seeds"] >= 3
    assert train["landed_share"][0] > 0.5 > random_landed / committed["demo_random"]["episodes"]
    assert train["greedy_return"][0] > committed["demo_random"]["mean_return"][0]
    assert committed["demo_behaviour"]["fuel_ratio"][0] >= 1.0  # nobody beats the physics
