"""The helper every full-mode test runs its demos with. CI does not run the full tests, so
this quick test keeps the helper working: each demo below imports a module that sits beside
it, which only works with the lesson's folder importable (two full tests lacked it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coursetools.lessons import load
from tests.full.demos import run_demo


@pytest.mark.parametrize(
    ("lesson_id", "stem", "sibling"),
    [
        ("5.3", "demo_sweep", "ablation"),
        ("5.4", "demo_train_lunar", "lunar"),
        ("6.5", "demo_agent", "thermostat"),
        ("7.1", "demo_mpc", "world_model"),
    ],
)
def test_a_demo_that_imports_its_sibling_runs(
    lesson_id: str, stem: str, sibling: str, tmp_path: Path
) -> None:
    lesson = load(lesson_id)
    source = (lesson.folder / f"{stem}.py").read_text(encoding="utf-8")
    assert re.search(rf"^(from {sibling} import|import {sibling}$)", source, re.MULTILINE)
    assert run_demo(lesson, stem, tmp_path, quick=True) is not None
