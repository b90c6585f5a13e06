"""Lesson 7.1, reproduced: what its post concludes holds on a fresh full run (its world
models and DQN train in the CPU's floating-point order, so the numbers themselves may
differ on another machine). Minutes on a CPU:
``pytest -m full tests/full/test_model_based_full.py``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from coursetools.lessons import load
from tests.full.demos import run_demo

LESSON = load("7.1")


def _run_demo(stem: str, out_dir: Path) -> dict[str, Any]:
    """A fresh full run of one of 7.1's demos into ``out_dir``, as a dict of its results."""
    return dataclasses.asdict(run_demo(LESSON, stem, out_dir))


@pytest.mark.full
def test_part_7_1_claims_hold_on_a_fresh_run(tmp_path: Path) -> None:
    """Absorbing ends rescue the planner; model-based MPC reaches a return of 200 in fewer
    environment steps than DQN on every seed; open-loop error grows with the horizon, and
    the chosen plan's quality falls between 20 and 60 steps."""
    mpc = _run_demo("demo_mpc", tmp_path)["returns"]
    assert sum(mpc["+ absorbing ends"]) > 1.5 * sum(mpc["Demo 1's model"])

    steps = _run_demo("demo_sample_efficiency", tmp_path)["steps_to_threshold"]
    based, free = steps["model-based (MPC)"], steps["model-free (DQN)"]
    assert all(s > 0 for s in based), based
    assert max(based) < min(s if s > 0 else 10**9 for s in free), (based, free)

    compounding = _run_demo("demo_compounding", tmp_path)
    at = {h: i for i, h in enumerate(compounding["horizons"])}
    for errors, quality in zip(
        compounding["angle_error"], compounding["choice_quality"], strict=True
    ):
        assert errors == sorted(errors)
        assert quality[at[20]] > quality[at[60]]
