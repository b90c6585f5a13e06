"""Lesson 4.5: what the generic lesson test cannot know about MC, TD(0) and FrozenLake."""

from __future__ import annotations

import json
from typing import Any

import pytest

from coursetools.lessons import load
from tests.lessons.conftest import QuickRun

LESSON = load("4.5")


@pytest.fixture(scope="module")
def quick(quick_run: QuickRun) -> dict[str, dict[str, Any]]:
    run = quick_run(LESSON.id)
    return run.results


@pytest.fixture(scope="module")
def committed() -> dict[str, dict[str, Any]]:
    return json.loads((LESSON.outputs / "results.json").read_text(encoding="utf-8"))


def test_quick_run_learns_and_knows_the_truth(quick: dict[str, dict[str, Any]]) -> None:
    updates = quick["demo_updates"]
    assert updates["dp_closed_form_difference"] < 1e-12
    # One episode from equal values: MC moves every visited state, TD(0) only the last one.
    assert updates["td_after_first"][:4] == [0.5, 0.5, 0.5, 0.5]
    assert updates["mc_after_first"] != [0.5] * 5
    assert quick["demo_convergence"]["mc"]["final_rms"][0] < 0.236  # below the starting error
    frozen = quick["demo_frozenlake"]
    assert frozen["steps"] > frozen["episodes"] > 0
    assert frozen["horizon_optimum"] == pytest.approx(0.7442, abs=1e-4)  # no learning involved
    assert frozen["optimal"]["exact"] == pytest.approx(0.7402, abs=1e-4)
    for score in ("greedy_of_exact", "greedy_of_td", "greedy_of_mc", "optimal"):
        assert frozen[score]["exact"] <= frozen["horizon_optimum"] + 1e-9
        assert 0.0 <= frozen[score]["sampled"] <= 1.0


def test_committed_random_walk_results_favour_td(committed: dict[str, dict[str, Any]]) -> None:
    convergence = committed["demo_convergence"]
    mc, td = convergence["mc"], convergence["td"]
    assert min(td["final_rms"]) < min(mc["final_rms"])
    assert convergence["td_wins"] >= 4
    # Constant-alpha MC levels off near the predicted plateau (below it: mean of a sqrt).
    for i in (3, 4):
        plateau = convergence["mc_plateau"][i]
        assert 0.75 * plateau < mc["final_rms"][i] < plateau + 2 * mc["final_rms_se"][i]
    tracking = committed["demo_tracking"]
    assert tracking["td_jitter"] < tracking["mc_jitter"]


def test_committed_improvement_reaches_the_optimum(committed: dict[str, dict[str, Any]]) -> None:
    improvement = committed["demo_improvement"]
    assert improvement["exact_iteration_returns"][-1] == pytest.approx(
        improvement["optimal_return"]
    )
    for method in ("mc", "td"):
        summary = improvement[method]
        assert summary["mean_return"][0] > improvement["random_return"]
        assert summary["optimal_fraction"][-1] >= 0.9


def test_committed_frozenlake_claims_hold(committed: dict[str, dict[str, Any]]) -> None:
    frozen = committed["demo_frozenlake"]
    assert frozen["first_seed_td_same_actions"] is True
    assert frozen["greedy_of_td"]["exact"] == frozen["greedy_of_exact"]["exact"]
    assert frozen["optimal"]["exact"] <= frozen["horizon_optimum"] <= 0.75
    assert frozen["rms_td"] < frozen["rms_mc"]
    # The sampled rates agree with the exact probabilities within 3 standard errors.
    for score in ("greedy_of_td", "greedy_of_mc", "optimal"):
        sampled, se = frozen[score]["sampled"], frozen[score]["sampled_se"]
        assert abs(sampled - frozen[score]["exact"]) < 3 * se
