"""Lesson 4.6: what the generic lesson test cannot know about the Bellman equations."""

from __future__ import annotations

import json
import warnings
from itertools import pairwise
from typing import Any

import pytest
from gymnasium.utils.env_checker import check_env

from coursetools.file_import import import_file
from coursetools.lessons import load
from coursetools.runner import sibling_imports
from tests.lessons.conftest import QuickRun

LESSON = load("4.6")


@pytest.fixture(scope="module")
def quick(quick_run: QuickRun) -> dict[str, dict[str, Any]]:
    run = quick_run(LESSON.id)
    return run.results


@pytest.fixture(scope="module")
def committed() -> dict[str, dict[str, Any]]:
    return json.loads((LESSON.outputs / "results.json").read_text(encoding="utf-8"))


def test_the_room_is_a_clean_gymnasium_environment() -> None:
    with sibling_imports(LESSON.folder):
        room = import_file(LESSON.folder / "room.py")
        env, grid, mdp = room.make_room()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_env(env.unwrapped, skip_render_check=True)
    assert (mdp.n_states, mdp.n_actions) == (40, 4)
    assert grid.slip_probability == 0.2


def test_by_hand_and_torch_agree(quick: dict[str, dict[str, Any]]) -> None:
    hand = quick["demo_by_hand"]
    assert hand["torch_agrees"] is True
    assert hand["max_difference"] < 1e-12
    assert (hand["sunny_fraction"], hand["cloudy_fraction"]) == ("4870/937", "2370/937")
    assert hand["sunny_value"] == pytest.approx(4870 / 937, abs=1e-12)
    assert hand["iterative_difference"] <= hand["error_bound"]
    # v_pi(cloudy) is the policy's average of the two action values (pi = 1/2 each).
    assert (hand["q_explore"] + hand["q_wait"]) / 2 == pytest.approx(hand["cloudy_value"])
    assert hand["greedy_is_optimal"] is True


def test_iterative_evaluation_and_value_iteration_meet_their_bounds(
    quick: dict[str, dict[str, Any]],
) -> None:
    values = quick["demo_values"]
    assert 0.0 < values["max_difference"] <= values["error_bound"]
    assert values["max_average_gap"] < 1e-12
    assert values["final_ratio"] == pytest.approx(values["spectral_radius"], abs=1e-3)
    assert values["spectral_radius"] < 0.95  # gamma: the random walk sometimes ends
    iteration = quick["demo_value_iteration"]
    assert iteration["max_error"] <= iteration["error_bound"]
    assert 0 < iteration["first_optimal_sweep"] < iteration["sweeps"]
    assert iteration["optimal_start_value"] == pytest.approx(
        quick["demo_random_vs_greedy"]["round_start_values"][-1], abs=1e-8
    )
    # v_k(start) of a start k steps or more from the goal: k discounted step costs.
    for k, value in zip((1, 4, 8), iteration["snapshot_start_values"], strict=True):
        assert value == pytest.approx(-(1 - 0.95**k) / (1 - 0.95))


def test_greedy_improvement_raises_every_value(quick: dict[str, dict[str, Any]]) -> None:
    demo = quick["demo_random_vs_greedy"]
    assert demo["improved_states"] == demo["acting_states"] == 30
    assert demo["min_improvement"] > 0.0
    starts = demo["round_start_values"]
    assert all(later > earlier for earlier, later in pairwise(starts))


def test_committed_samples_agree_with_the_exact_values(
    committed: dict[str, dict[str, Any]],
) -> None:
    policies = committed["demo_random_vs_greedy"]["policies"]
    for report in policies.values():
        assert abs(report["z_score"]) < 2.0  # the post says "below 2 in absolute value"
        assert abs(report["return_z_score"]) < 2.0
        assert report["goal_probability"] + report["trap_probability"] == pytest.approx(
            1.0 - report["truncation_probability"]
        )
    assert policies["greedy"]["goal_probability"] < policies["random"]["goal_probability"]
    assert policies["optimal"]["goal_probability"] > 0.5
