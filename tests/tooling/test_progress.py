from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coursetools import cli, lessons, progress
from coursetools.lessons import WrittenLesson


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_checking_the_solutions_of_4_4_completes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A learner in a fresh folder, with the default workspace rlcourse-work/4.4.
    monkeypatch.chdir(tmp_path)
    lesson = lessons.load("4.4")
    shutil.copytree(lesson.folder / "solutions", tmp_path / "rlcourse-work" / "4.4")
    assert run(capsys, "check", "4.4")[0] == 0

    record = json.loads((tmp_path / "rlcourse-work" / "progress.json").read_text())
    verdicts = record["lessons"]["4.4"]["exercises"]
    assert sorted(verdicts) == sorted(lesson.exercise_names())
    assert all(verdict["passed"] and verdict["checked"] for verdict in verdicts.values())

    code, out, err = run(capsys, "progress")
    assert (code, err) == (0, "")
    assert "  [★] 4.4  5 of 5  Tabular Value-Based Methods" in out
    assert f"1 of {len(lessons.written_lessons())} lessons complete" in out
    assert "Next: lesson 1.1," in out
    assert "  rlcourse exercise 1.1\n  rlcourse check 1.1\n" in out

    rows = json.loads(run(capsys, "list", "--json")[1])
    assert {row["id"] for row in rows if row["all_exercises_pass"]} == {"4.4"}
    assert "  [✓★] 4.4  Tabular" in run(capsys, "list")[1]


@pytest.fixture
def fake_course(fake_lesson: WrittenLesson, monkeypatch: pytest.MonkeyPatch) -> WrittenLesson:
    """A course whose only written lesson is the fake 1.1, with four `double` exercises."""
    monkeypatch.setattr(lessons, "repo_root", lambda: fake_lesson.root)
    return fake_lesson


def test_progress_keeps_the_latest_verdict_and_says_what_is_next(
    fake_course: WrittenLesson, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "work"
    out = run(capsys, "progress", str(work))[1]
    assert "  [ ] 1.1  0 of 4  Introduction" in out
    assert "(not tried)" in out
    assert f"  rlcourse exercise 1.1 {work / '1.1'}\n  rlcourse check 1.1 {work / '1.1'}" in out

    run(capsys, "exercise", "1.1", str(work / "1.1"))
    shutil.copyfile(
        fake_course.folder / "solutions" / "ex2_double.py", work / "1.1" / "ex2_double.py"
    )
    assert run(capsys, "check", "1.1", str(work / "1.1"))[0] == 1
    out = run(capsys, "progress", str(work))[1]
    assert "  [ ] 1.1  1 of 4  Introduction" in out
    assert "failing: ex1_double, ex3_double, ex4_double" in out
    assert "rlcourse exercise" not in out
    assert f"  rlcourse check 1.1 {work / '1.1'}" in out

    shutil.copytree(fake_course.folder / "solutions", work / "1.1", dirs_exist_ok=True)
    assert run(capsys, "check", "1.1", str(work / "1.1"))[0] == 0
    out = run(capsys, "progress", str(work))[1]
    assert "  [★] 1.1  4 of 4  Introduction" in out
    assert "Every written lesson is complete." in out


@pytest.fixture
def default_work(
    fake_course: WrittenLesson, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The default folder of workspaces, rlcourse-work, in a fresh current directory."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rlcourse-work").mkdir()
    return tmp_path / "rlcourse-work"


@pytest.mark.parametrize(
    "damage",
    [
        b"{not json",
        b"\xff\xfe\x00",
        b"[]",
        b'{"version": 1, "lessons": {"1.1": 3}}',
        b'{"version": 1, "lessons": {"1.1": {"workspace": "1.1", "exercises": {"ex1_double": 1}}}}',
    ],
)
def test_a_damaged_record_is_noted_and_ignored(
    damage: bytes, default_work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (default_work / "progress.json").write_bytes(damage)
    for args in (["progress"], ["list"], ["list", "--json"]):
        code, _, err = run(capsys, *args)
        assert code == 0
        assert err.startswith("rlcourse: note: ignoring the unreadable progress record")
        assert len(err.splitlines()) == 1
    assert "  [ ] 1.1  0 of 4  Introduction" in run(capsys, "progress")[1]


def test_check_rewrites_a_damaged_record(
    fake_course: WrittenLesson, default_work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(fake_course.folder / "solutions", default_work / "1.1")
    (default_work / "progress.json").write_text('{"version": 1, "lessons": [')
    code, out, err = run(capsys, "check", "1.1")
    assert code == 0
    assert "4 of 4 exercises pass." in out
    assert err.startswith("rlcourse: note: ignoring the unreadable progress record")
    code, out, err = run(capsys, "progress")
    assert (code, err) == (0, "")
    assert "  [★] 1.1  4 of 4  Introduction" in out


def test_a_record_that_cannot_be_written_does_not_stop_the_check(
    fake_course: WrittenLesson, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "work"
    shutil.copytree(fake_course.folder / "solutions", work / "1.1")
    (work / progress.RECORD_NAME).mkdir()
    code, out, err = run(capsys, "check", "1.1", str(work / "1.1"))
    assert code == 0
    assert "4 of 4 exercises pass." in out
    assert err.splitlines()[-1].startswith("rlcourse: note: progress not saved:")
    assert {path.name for path in work.iterdir()} == {"1.1", progress.RECORD_NAME}


def test_checking_a_lessons_own_folders_records_nothing(fake_lesson: WrittenLesson) -> None:
    # What authors and the test suite do: no progress.json may appear in the lesson folder.
    for folder in ("solutions", "exercises"):
        assert progress.record(fake_lesson, fake_lesson.folder / folder, []) == []
    assert not (fake_lesson.folder / "progress.json").exists()
    (fake_lesson.root / "learner" / "1.1").mkdir(parents=True)
    assert progress.record(fake_lesson, fake_lesson.root / "learner" / "1.1", []) == []
    assert (fake_lesson.root / "learner" / "progress.json").exists()
