"""Lesson 5.4's learning claims, reproduced from a fresh full run of its five demos (about
35 minutes on a 2-core CPU): on LunarLander-v3, DQN with Double targets and a dueling
network holds a greedy mean of at least 200 on each of three seeds, in under 15 minutes
per seed, and scores higher than plain DQN on average; both final networks predict less
than the returns that follow, plain DQN by less (Demo 4); the mean learning curve with
both changes reaches 200 first (Demo 5).

Run with ``pytest -m full tests/full/test_dqn_lunar_full.py``.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from coursetools.lessons import load
from tests.full.demos import run_demo as run_lesson_demo

LESSON = load("5.4")
FIFTEEN_MINUTES = 15 * 60.0


def run_demo(stem: str, out_dir: Path) -> dict[str, Any]:
    """A fresh full run of one of 5.4's demos into ``out_dir``, as a dict of its results."""
    return dataclasses.asdict(run_lesson_demo(LESSON, stem, out_dir))


@pytest.mark.full
def test_part_5_4_claims_hold_on_a_fresh_run(tmp_path: Path) -> None:
    committed = json.loads((LESSON.outputs / "results.json").read_text())

    bias = run_demo("demo_max_bias", tmp_path)
    assert all(b > 0.5 for b in bias["single_bias"]), bias["single_bias"]
    assert bias["single_bias"] == sorted(bias["single_bias"]), "the bias grows with the actions"
    assert all(abs(b) < 0.02 for b in bias["double_bias"]), bias["double_bias"]

    train = run_demo("demo_train_lunar", tmp_path)
    assert train["variants"] == committed["demo_train_lunar"]["variants"]
    assert train["variants"] == ["Double + Dueling", "DQN"]
    assert train["seeds"] == [0, 1, 2]
    assert train["steps"] == committed["demo_train_lunar"]["steps"]
    both, plain = train["mean"]
    assert both > plain, f"Double + Dueling {both:.1f} did not beat DQN {plain:.1f}"
    assert train["landed_on_every_seed"][0], f"Double + Dueling: {train['scores'][0]}"
    for seconds in train["training_seconds"]:
        assert max(seconds) < FIFTEEN_MINUTES, f"a run trained for {max(seconds):.0f} s"
    assert (tmp_path / "lunar_lander.gif").is_file()

    q_values = run_demo("demo_q_values", tmp_path)
    gap = dict(zip(q_values["variants"], q_values["mean_gap"], strict=True))
    assert gap["DQN"] > gap["Double + Dueling"], gap
    for predicted, realised in zip(
        q_values["mean_predicted"], q_values["mean_realised"], strict=True
    ):
        assert predicted < realised, "the post says both networks under-estimate"

    curves = run_demo("demo_curves", tmp_path)
    assert curves["final_training_mean"][0] > curves["final_training_mean"][1]
    both_first, plain_first = curves["first_step_above_200"]
    assert both_first > 0, "the mean curve with both changes reached 200"
    assert plain_first == -1 or both_first < plain_first, curves["first_step_above_200"]
