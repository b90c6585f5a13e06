"""Every written lesson: lint-clean, demos run in quick mode, checks tell right from wrong."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import math
import re
from pathlib import Path

import pytest
import tyro

from coursetools.check_runner import check_workspace
from coursetools.file_import import import_file
from coursetools.lessons import WrittenLesson, load, written_lessons
from coursetools.lint import IMAGE, lint_lesson
from coursetools.runner import finite_numbers, run_lesson, sibling_imports
from tests.lessons.conftest import QuickRun

LESSON_IDS = [lesson.id for lesson in written_lessons()]
MAX_OUTPUT_BYTES = 2_000_000


@pytest.fixture(params=LESSON_IDS)
def lesson(request: pytest.FixtureRequest) -> WrittenLesson:
    return load(str(request.param))


def _structure(value: object) -> object:
    """The shape of a JSON value: its keys, recursively, without the numbers."""
    if isinstance(value, dict):
        return {key: _structure(item) for key, item in value.items()}
    return type(value).__name__ if not isinstance(value, int | float) else "number"


def test_lint_is_clean(lesson: WrittenLesson) -> None:
    assert lint_lesson(lesson) == []


def test_quick_run_does_the_work_the_post_shows(lesson: WrittenLesson, quick_run: QuickRun) -> None:
    run = quick_run(lesson.id)
    tmp_path = run.out_dir
    assert run.demos, "a lesson runs at least one demo"
    for demo in run.demos:
        assert demo.printed.strip(), f"{demo.stem} printed nothing"
        assert finite_numbers(demo.result), f"{demo.stem} returned NaN or infinity"
    figures = {
        Path(match["src"]).name
        for match in IMAGE.finditer(lesson.body)
        if match["src"].startswith("outputs/")
    }
    written = {path.name for path in tmp_path.iterdir() if path.stat().st_size > 0}
    missing = figures - written
    assert not missing, f"figures the post shows but the quick run did not write: {missing}"
    committed = json.loads((lesson.outputs / "results.json").read_text())
    quick = json.loads((tmp_path / "results.json").read_text())
    assert _structure(quick) == _structure(committed), "quick results differ in shape from outputs/"


def test_checks_pass_on_the_solutions(lesson: WrittenLesson) -> None:
    outcomes = check_workspace(lesson, lesson.folder / "solutions")
    failed = {o.exercise: o.message for o in outcomes if not o.passed}
    assert failed == {}


def test_checks_fail_on_the_untouched_stubs(lesson: WrittenLesson) -> None:
    outcomes = check_workspace(lesson, lesson.folder / "exercises")
    assert len(outcomes) == len(lesson.lesson.exercises) + bool(lesson.lesson.project)
    passed = [o.exercise for o in outcomes if o.passed]
    assert passed == [], f"checks that pass on an untouched stub check nothing: {passed}"
    for outcome in outcomes:
        assert re.search(r"\w", outcome.message), outcome


def test_committed_outputs_are_small(lesson: WrittenLesson) -> None:
    big = [p.name for p in lesson.outputs.iterdir() if p.stat().st_size > MAX_OUTPUT_BYTES]
    assert big == []


def without_wall_clock(value: object) -> object:
    """A JSON value without its timings (keys naming seconds), which no rerun reproduces."""
    if isinstance(value, dict):
        return {k: without_wall_clock(v) for k, v in value.items() if "second" not in k}
    if isinstance(value, list):
        return [without_wall_clock(item) for item in value]
    return value


def same_numbers(fresh: object, expected: object) -> bool:
    """Equal JSON values, numbers compared to a relative tolerance of 1e-9."""
    if isinstance(fresh, dict) and isinstance(expected, dict):
        return fresh.keys() == expected.keys() and all(
            same_numbers(fresh[key], expected[key]) for key in fresh
        )
    if isinstance(fresh, list) and isinstance(expected, list):
        return len(fresh) == len(expected) and all(map(same_numbers, fresh, expected))
    if isinstance(fresh, int | float) and isinstance(expected, int | float):
        return math.isclose(fresh, expected, rel_tol=1e-9, abs_tol=1e-12)
    return fresh == expected


@pytest.mark.full
def test_full_run_reproduces_the_committed_results(lesson: WrittenLesson, tmp_path: Path) -> None:
    """A fresh full run gives the numbers in outputs/results.json, timings aside.

    A lesson whose training is not bit-reproducible across machines (floating-point
    order differs between CPUs) says ``exact_full_run = false`` in lesson.toml and
    keeps its own full test of what its post claims.
    """
    if lesson.settings.get("exact_full_run", True) is False:
        pytest.skip(f"lesson {lesson.id} is checked by its own full test")
    run_lesson(lesson, quick=False, out_dir=tmp_path, echo=False)
    fresh = json.loads((tmp_path / "results.json").read_text())
    committed = json.loads((lesson.outputs / "results.json").read_text())
    assert same_numbers(without_wall_clock(fresh), without_wall_clock(committed))


def test_every_demo_takes_its_config_from_the_shell(lesson: WrittenLesson) -> None:
    """``python demo_x.py --help`` lists every Config field; ``--field value`` sets one."""
    with sibling_imports(lesson.folder):
        for path in sorted(lesson.folder.glob("demo_*.py")):
            assert "main(tyro.cli(Config))" in path.read_text(), f"{path.name}: use tyro.cli"
            config_type = import_file(path).Config
            shown = io.StringIO()
            with contextlib.redirect_stdout(shown), pytest.raises(SystemExit):
                tyro.cli(config_type, args=["--help"])
            for field in dataclasses.fields(config_type):
                flag = "--" + field.name.replace("_", "-")
                assert flag in shown.getvalue(), f"{path.name}: {flag} missing from --help"
            ints = [f for f in dataclasses.fields(config_type) if f.type in (int, "int")]
            if ints:
                flag = "--" + ints[0].name.replace("_", "-")
                changed = tyro.cli(config_type, args=[flag, "7"])
                assert getattr(changed, ints[0].name) == 7
