"""Lesson 5.2's learning claim, reproduced: DQN solves CartPole-v1 and is still solved at the end.

The full run of demo 3 trains the default DQNConfig on each of the three seeds and
evaluates the final network on 100 fresh greedy episodes. Minutes on a CPU: run with
``pytest -m full tests/full/test_dqn_full.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coursetools.file_import import import_file
from coursetools.lessons import load
from coursetools.runner import build_config

LESSON = load("5.2")
SOLVED = 475.0


@pytest.mark.full
def test_full_training_solves_cartpole_on_every_seed(tmp_path: Path) -> None:
    demo = import_file(LESSON.folder / "demo_train.py")
    result = demo.main(build_config(demo.Config, {}, tmp_path, "demo_train"))
    committed = json.loads((LESSON.outputs / "results.json").read_text())["demo_train"]

    assert result.seeds == committed["seeds"] == [0, 1, 2]
    assert result.environment_steps == committed["environment_steps"]
    for seed, mean, low in zip(result.seeds, result.eval_mean, result.eval_min, strict=True):
        assert mean >= SOLVED, f"seed {seed}: greedy mean {mean:.1f} over 100 episodes (min {low})"
    # The checkpoints demo 4 reloads were written next to the results.
    assert all((tmp_path / f"dqn_cartpole_seed{seed}.pt").is_file() for seed in result.seeds)
