"""Lesson 6.5, reproduced: the course's DQN beats the thermostat on the same 100 fresh days,
on every seed, and saves by buying less at the evening peak (a few minutes on a CPU:
``pytest -m full tests/full/test_capstone_full.py``)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from coursetools.lessons import load
from tests.full.demos import run_demo

LESSON = load("6.5")


@pytest.mark.full
def test_every_seed_beats_the_thermostat_by_timing_its_heat(tmp_path: Path) -> None:
    committed = json.loads((LESSON.outputs / "results.json").read_text(encoding="utf-8"))
    agent = run_demo(LESSON, "demo_agent", tmp_path)
    assert agent.thermostat_mean == pytest.approx(committed["demo_agent"]["thermostat_mean"])
    for seed_mean in agent.agent_per_seed:
        assert seed_mean > agent.thermostat_mean
    assert agent.agent_mean == pytest.approx(committed["demo_agent"]["agent_mean"], abs=0.3)
    behaviour = dataclasses.asdict(run_demo(LESSON, "demo_behaviour", tmp_path))
    peak_thermostat = behaviour["kwh"]["thermostat"][2]
    assert all(peak < peak_thermostat for peak in behaviour["agent_peak_kwh"])
