"""Lesson 5.5's learning claims, reproduced: REINFORCE with a baseline solves CartPole-v1
on every seed, and the gradient-noise ordering of Demo 4 holds.

Minutes on a CPU: run with ``pytest -m full tests/full/test_reinforce_full.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coursetools.lessons import load
from tests.full.demos import run_demo

LESSON = load("5.5")
SOLVED = 475.0


@pytest.mark.full
def test_full_training_solves_cartpole_on_every_seed(tmp_path: Path) -> None:
    result = run_demo(LESSON, "demo_train", tmp_path)
    committed = json.loads((LESSON.outputs / "results.json").read_text())["demo_train"]
    assert result.seeds == committed["seeds"] == [0, 1, 2, 3, 4]
    assert result.episodes == committed["episodes"]
    for seed, mean, low in zip(result.seeds, result.eval_mean, result.eval_min, strict=True):
        assert mean >= SOLVED, f"seed {seed}: greedy mean {mean:.1f} over 100 episodes (min {low})"
    assert all((tmp_path / f"reinforce_seed{seed}" / "final.pt").is_file() for seed in result.seeds)


@pytest.mark.full
def test_reward_to_go_and_the_baseline_cut_the_noise_and_strong_discounting_does_not(
    tmp_path: Path,
) -> None:
    result = run_demo(LESSON, "demo_variance", tmp_path)
    mean = dict(zip(result.estimators, result.mean, strict=True))
    assert mean["reward-to-go, gamma 1"] < mean["total return G_0"]
    assert mean["gamma 0.99 minus the baseline"] < mean["reward-to-go, gamma 0.99"]
    assert mean["gamma 0.99 minus the baseline"] == min(mean.values())
    assert mean["reward-to-go, gamma 0.9"] > mean["reward-to-go, gamma 0.99"]
