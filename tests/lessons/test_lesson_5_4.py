"""Lesson 5.4: what the generic lesson test cannot know about the LunarLander demos."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch

from coursetools.file_import import import_file
from coursetools.lessons import load
from tests.lessons.conftest import QuickRun

LESSON = load("5.4")


@pytest.fixture(scope="module")
def quick(quick_run: QuickRun) -> tuple[dict[str, dict[str, Any]], Path]:
    run = quick_run(LESSON.id)
    return run.results, run.out_dir


def test_returns_to_go_are_the_discounted_sums_of_what_follows() -> None:
    lunar = import_file(LESSON.folder / "lunar.py")
    rewards = [1.0, -2.0, 0.5, 100.0]
    gamma = 0.9
    expected = [sum(gamma**k * r for k, r in enumerate(rewards[t:])) for t in range(4)]
    assert lunar.discounted_returns_to_go(rewards, gamma) == pytest.approx(expected)
    assert lunar.discounted_returns_to_go([], gamma) == []


def test_greedy_play_records_the_chosen_actions_value(tmp_path: Path) -> None:
    """A network whose Q-values are constant predicts the same Q at every step, so the gap
    is that constant minus the realised returns, and the scores are undiscounted sums."""
    lunar = import_file(LESSON.folder / "lunar.py")

    class Constant(torch.nn.Module):
        def forward(self, observations: torch.Tensor) -> torch.Tensor:
            return torch.tensor([[0.0, 3.0, 1.0, 2.0]]).expand(len(observations), 4)

    played = lunar.play_greedy(Constant(), "LunarLander-v3", 2, seed=5, gamma=0.99)
    assert len(played.returns) == 2
    assert played.predicted == [3.0] * len(played.realised)
    assert len(played.predicted) > 0  # always firing the left engine crashes: terminated


def test_quick_run_trains_every_run_and_records_a_landing_gif(
    quick: tuple[dict[str, dict[str, Any]], Path],
) -> None:
    results, out = quick
    train = results["demo_train_lunar"]
    for variant in train["variants"]:
        for seed in train["seeds"]:
            run = import_file(LESSON.folder / "lunar.py").load_run(out, variant, seed)
            assert run.steps == train["steps"] and run.episode_returns
            assert len(run.predicted) == len(run.realised)
    assert (out / "lunar_lander.gif").stat().st_size > 0
    assert np.isfinite(results["demo_q_values"]["mean_gap"]).all()
    assert results["demo_dueling"]["mean_q_minus_value"] < 1e-5
    assert results["demo_dueling"]["greedy_from_advantages"]
