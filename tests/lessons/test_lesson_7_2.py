"""Lesson 7.2: what the generic lesson test cannot know about the Nim environment and the
self-play runs."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from coursetools.file_import import import_file
from coursetools.lessons import load
from tests.lessons.conftest import QuickRun

LESSON = load("7.2")


@pytest.fixture(scope="module")
def quick(quick_run: QuickRun) -> dict[str, dict[str, Any]]:
    return quick_run(LESSON.id).results


@pytest.fixture(scope="module")
def committed() -> dict[str, dict[str, Any]]:
    return json.loads((LESSON.outputs / "results.json").read_text(encoding="utf-8"))


def test_nim_passes_pettingzoo_api_test_without_warnings() -> None:
    from pettingzoo.test import api_test  # importing it warns about PettingZoo's old API

    nim = import_file(LESSON.folder / "nim.py", "lesson_7_2_nim")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        api_test(nim.NimEnv(render_mode="ansi"), num_cycles=100)


def test_nim_rules_rewards_and_illegal_moves() -> None:
    nim = import_file(LESSON.folder / "nim.py", "lesson_7_2_nim_rules")
    env = nim.NimEnv()
    env.reset()
    with pytest.raises(ValueError, match="illegal action"):
        env.step(2)  # takes 3 from the pile of 1
    # the players empty piles 3, 2, 1 and 0 in turn: player_1 takes the last object
    for pile, size in ((3, 7), (2, 5), (1, 3), (0, 1)):
        env.step(pile * nim.MAX_PILE + size - 1)
    assert env.terminations == {"player_0": True, "player_1": True}
    assert env.agent_selection == "player_0"
    assert env.last()[1] == -1.0  # player_0 lost
    env.step(None)
    assert env.last()[1] == 1.0
    observation = env.observe("player_1")
    assert observation.shape == (4, nim.MAX_PILE + 1) and observation[:, 0].all()


def test_quick_run_proves_bouton_and_trains(quick: dict[str, dict[str, Any]]) -> None:
    game = quick["demo_nim"]
    assert game["api_warnings"] == 0
    assert (game["n_positions"], game["losing_positions"]) == (384, 48)
    assert game["bouton_agrees"] == 384 and game["start_is_lost"]
    final = quick["demo_selfplay"]["final"]
    for agent in ("player_0", "player_1"):
        for opponent, rates in final[agent].items():
            total = sum(rates[outcome][0] for outcome in ("win", "draw", "loss"))
            assert total == pytest.approx(1.0), (agent, opponent)
            assert rates["draw"][0] == 0.0  # Nim cannot be drawn
    # the first player is lost from the start: a perfect opponent never lets it win
    assert final["player_0"]["perfect"]["win"][0] == 0.0
    assert quick["demo_curves"]["draws"] == 0


def test_committed_results_show_learning(committed: dict[str, dict[str, Any]]) -> None:
    final = committed["demo_selfplay"]["final"]
    assert final["player_0"]["random"]["win"][0] > 0.95
    assert final["player_1"]["random"]["win"][0] > 0.95
    assert final["player_1"]["perfect"]["win"][0] > 0.8
    curves = committed["demo_curves"]["win_curves"]
    assert np.mean(curves["player_1"]["perfect"][-3:]) > np.mean(curves["player_1"]["perfect"][:3])
    assert Path(LESSON.outputs / "win_rates.png").is_file()
