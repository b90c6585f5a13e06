"""Lessons 5.2 and 5.3, reproduced: DQN solves CartPole-v1 and is still solved at the end
(5.2), and the ablation of replay and target network concludes what its post says (5.3).

The full run of demo 3 trains the default DQNConfig on each of the three seeds and
evaluates the final network on 100 fresh greedy episodes. Minutes on a CPU: run with
``pytest -m full tests/full/test_dqn_full.py``.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from coursetools.lessons import load
from tests.full.demos import run_demo

LESSON = load("5.2")
SOLVED = 475.0


@pytest.mark.full
def test_full_training_solves_cartpole_on_every_seed(tmp_path: Path) -> None:
    result = run_demo(LESSON, "demo_train", tmp_path)
    committed = json.loads((LESSON.outputs / "results.json").read_text())["demo_train"]

    assert result.seeds == committed["seeds"] == [0, 1, 2]
    assert result.environment_steps == committed["environment_steps"]
    for seed, mean, low in zip(result.seeds, result.eval_mean, result.eval_min, strict=True):
        assert mean >= SOLVED, f"seed {seed}: greedy mean {mean:.1f} over 100 episodes (min {low})"
    # The checkpoints demo 4 reloads were written next to the results.
    assert all((tmp_path / f"dqn_cartpole_seed{seed}.pt").is_file() for seed in result.seeds)


ABLATION = load("5.3")


def _run_demo(stem: str, out_dir: Path) -> dict[str, Any]:
    """A fresh full run of one of 5.3's demos into ``out_dir``, as a dict of its results."""
    return dataclasses.asdict(run_demo(ABLATION, stem, out_dir))


@pytest.mark.full
def test_part_5_3_claims_hold_on_a_fresh_run(tmp_path: Path) -> None:
    """What Part 5.3's post concludes, from a fresh full run of its four demos (about half an
    hour on a CPU): the targets move only at refreshes; full DQN has the smallest spread
    between seeds and the variant with neither stabilizer the highest mean; C = 1 is no
    target network; without both, returns swing more within runs."""
    targets = _run_demo("demo_target_network", tmp_path)
    assert targets["changes_with_target"] == targets["updates"] // targets["target_period"]
    assert targets["changes_without_target"] == targets["updates"] - 1
    assert targets["final_mean_target_without"] > targets["final_mean_target_with"]

    ablation = _run_demo("demo_ablation", tmp_path)
    assert ablation["variants"] == ["DQN", "no target network", "no replay", "neither"]
    seed_std, mean = ablation["seed_std"], ablation["mean"]
    assert seed_std[0] == min(seed_std), (
        f"DQN's spread between seeds is not the smallest: {seed_std}"
    )
    assert mean[3] > mean[0], f"neither ({mean[3]:.1f}) did not beat DQN ({mean[0]:.1f})"

    sweep = _run_demo("demo_sweep", tmp_path)
    no_target = ablation["greedy_means"][1]
    assert sweep["greedy_means"][0] == no_target[:3], "C = 1 differs from no target network"

    stability = _run_demo("demo_stability", tmp_path)
    assert stability["late_std"][3] > stability["late_std"][0]
