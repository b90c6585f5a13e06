"""Lesson 4.4: what the generic lesson test cannot know about Q-learning, SARSA and Taxi."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from coursetools.lessons import load
from tests.lessons.conftest import QuickRun

LESSON = load("4.4")


@pytest.fixture(scope="module")
def quick(quick_run: QuickRun) -> dict[str, dict[str, Any]]:
    run = quick_run(LESSON.id)
    return run.results


@pytest.fixture(scope="module")
def committed() -> dict[str, dict[str, Any]]:
    return json.loads((LESSON.outputs / "results.json").read_text(encoding="utf-8"))


def test_quick_taxi_run_trains_and_evaluates(quick: dict[str, dict[str, Any]]) -> None:
    taxi = quick["demo_taxi"]
    assert taxi["training_steps"] > taxi["training_episodes"] > 0
    for field in ("greedy_return", "greedy_length", "sampled_return", "sampled_length"):
        assert math.isfinite(taxi[field]), field
    assert 0.0 <= taxi["greedy_truncation"] <= 1.0
    assert 1.0 <= taxi["greedy_length"] <= 200.0
    # The optimum does not depend on training: value iteration on Taxi's own table.
    assert (taxi["n_states"], taxi["n_actions"], taxi["start_states"]) == (500, 6, 300)
    assert taxi["optimal_return"] + taxi["optimal_length"] == pytest.approx(21.0)
    assert taxi["greedy_return"] <= taxi["optimal_return"] + 1e-9


def test_quick_gridworld_demos_stay_consistent(quick: dict[str, dict[str, Any]]) -> None:
    assert quick["demo_q_table"]["training_steps"] > 0
    assert quick["demo_compare"]["optimal_return"] == pytest.approx(-10.0)
    assert quick["demo_heatmap"]["optimal_start_value"] == pytest.approx(-10.0)
    animate = quick["demo_animate"]
    assert animate["frames"] == animate["route_length"] + 1
    assert animate["route_return"] <= animate["optimal_return"] + 1e-9


def test_committed_taxi_policy_is_near_optimal(committed: dict[str, dict[str, Any]]) -> None:
    taxi = committed["demo_taxi"]
    assert taxi["greedy_return"] >= taxi["optimal_return"] - 0.05
    assert taxi["greedy_truncation"] == 0.0
    assert taxi["sampled_length"] == pytest.approx(taxi["greedy_length"], abs=0.3)
    assert taxi["sampled_return"] == pytest.approx(taxi["greedy_return"], abs=0.3)


def test_committed_cliff_results_show_the_on_off_policy_difference(
    committed: dict[str, dict[str, Any]],
) -> None:
    compare = committed["demo_compare"]
    q_learning, sarsa = compare["q_learning"], compare["sarsa"]
    assert q_learning["greedy_return"] == pytest.approx(compare["optimal_return"])
    assert sarsa["greedy_return"] < q_learning["greedy_return"]
    assert sarsa["last_100_online_return"] > q_learning["last_100_online_return"]
    assert sarsa["epsilon_greedy_trap_probability"] < q_learning["epsilon_greedy_trap_probability"]
    assert committed["demo_q_table"]["max_value_error"] < 1e-6
