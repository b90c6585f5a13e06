"""Lesson 4.7: what the generic lesson test cannot know about the ledge mini-project."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import gymnasium as gym
import pytest
from gymnasium.utils.env_checker import check_env
from PIL import Image

from coursetools.file_import import import_file
from coursetools.lessons import load
from rlcourse.envs.gridworld import unwrap_gridworld
from tests.lessons.conftest import QuickRun

LESSON = load("4.7")
EXPECTED_OPTIMAL_ROUTES = {
    "trap_5": ("ravine", 1),
    "trap_15": ("ledge", 9),
    "trap_100": ("mountain path", 13),
    "no_slip": ("ledge", 9),
    "gamma_099": ("mountain path", 13),
    "gamma_08": ("ledge", 9),
}


@pytest.fixture(scope="module")
def quick(quick_run: QuickRun) -> tuple[dict[str, dict[str, Any]], Path]:
    run = quick_run(LESSON.id)
    return run.results, run.out_dir


@pytest.fixture(scope="module")
def committed() -> dict[str, dict[str, Any]]:
    return json.loads((LESSON.outputs / "results.json").read_text(encoding="utf-8"))


def test_registration_is_idempotent_and_the_env_checks_clean() -> None:
    ledge = import_file(LESSON.folder / "ledge.py")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a second gym.register of the id would warn
        env_id = ledge.register_ledge()
        assert ledge.register_ledge() == env_id
        env = gym.make(env_id, trap_penalty=5.0)
        check_env(env.unwrapped)
    # gym.make's keyword arguments override the registered ones, for this env only
    assert unwrap_gridworld(env).trap_penalty == 5.0
    assert gym.spec(env_id).kwargs["trap_penalty"] == 100.0


def test_quick_run_checks_the_design_and_the_formula(
    quick: tuple[dict[str, dict[str, Any]], Path],
) -> None:
    design = quick[0]["demo_design"]
    assert design["checker_warnings"] == 0
    assert (design["n_states"], design["n_actions"], design["ledge_cells"]) == (40, 4, 8)
    assert design["crossing_probability_formula"] == pytest.approx((18 / 19) ** 8)
    assert design["crossing_probability_dp"] == pytest.approx((18 / 19) ** 8)
    assert design["crossing_return_dp"] == pytest.approx(design["crossing_return_formula"])
    assert sum(design["random_outcomes"].values()) == pytest.approx(1.0)


def test_quick_run_trains_and_the_optima_do_not_depend_on_training(
    quick: tuple[dict[str, dict[str, Any]], Path],
) -> None:
    results, out = quick
    learning = results["demo_q_learning"]
    assert learning["training_steps"] > 0
    assert learning["optimal"]["route_moves"] == 13
    assert learning["learned"]["expected_return"] <= learning["optimal"]["expected_return"] + 1e-9
    animation = results["demo_policy_animation"]
    assert sum(animation["route_kinds"].values()) > 0
    with Image.open(out / "policy_evolution.gif") as gif:
        assert getattr(gif, "n_frames", 1) == animation["frames"] > 1
    scenarios = results["demo_reward_structures"]["scenarios"]
    for key, (route, moves) in EXPECTED_OPTIMAL_ROUTES.items():
        optimal = scenarios[key]["optimal"]
        assert (optimal["route"], optimal["route_moves"]) == (route, moves), key
        assert scenarios[key]["max_return_gap"] >= -1e-9, key


def test_committed_results_learn_every_optimal_route(
    committed: dict[str, dict[str, Any]],
) -> None:
    learning = committed["demo_q_learning"]
    assert learning["same_route"] and learning["non_optimal_states"] == 0
    assert learning["learned"]["expected_return"] == pytest.approx(
        learning["optimal"]["expected_return"]
    )
    structures = committed["demo_reward_structures"]
    for key, entry in structures["scenarios"].items():
        assert entry["same_route_seeds"] == structures["seeds"], key
        assert entry["max_return_gap"] < 0.1, key
    animation = committed["demo_policy_animation"]
    assert animation["final_expected_return"] == pytest.approx(animation["optimal_expected_return"])
    assert (LESSON.outputs / "policy_evolution.gif").stat().st_size < 1_000_000
