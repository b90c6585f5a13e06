from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coursetools import cli, lessons
from coursetools.lessons import WrittenLesson
from coursetools.syllabus import all_lessons


def rlcourse(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "coursetools.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=300)


def test_list_json_has_every_lesson_and_marks_the_written_ones() -> None:
    done = rlcourse("list", "--json")
    assert done.returncode == 0
    rows = json.loads(done.stdout)
    assert [row["id"] for row in rows] == [lesson.id for lesson in all_lessons()]
    assert len(rows) == 49
    written = {row["id"] for row in rows if row["written"]}
    assert written == {lesson.id for lesson in lessons.written_lessons()}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("show", "9.9"), "rlcourse: error: unknown lesson '9.9'"),
        (("run", "4"), "rlcourse: error: unknown lesson '4'"),
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(args: tuple[str, ...], message: str) -> None:
    done = rlcourse(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(message)
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


@pytest.fixture
def lesson(fake_lesson: WrittenLesson, monkeypatch: pytest.MonkeyPatch) -> WrittenLesson:
    """The fake lesson, with the CLI reading the course from its scratch root."""
    monkeypatch.setattr(lessons, "repo_root", lambda: fake_lesson.root)
    return fake_lesson


def test_an_unwritten_lesson_is_one_line_and_exit_code_2(
    lesson: WrittenLesson, capsys: pytest.CaptureFixture[str]
) -> None:
    # In the scratch course only 1.1 is written (the real course has written all 49).
    unwritten = all_lessons()[1]
    assert cli.main(["check", unwritten.id]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        f"rlcourse: error: lesson {unwritten.id} ({unwritten.title}) is not written yet"
    )
    assert len(err.strip().splitlines()) == 1


def test_check_without_a_workspace_says_how_to_start(
    lesson: WrittenLesson,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["check", "1.1", str(tmp_path / "none")]) == 2
    assert "run `rlcourse exercise 1.1" in capsys.readouterr().err


def test_exercise_then_check_reports_each_stub_failing(
    lesson: WrittenLesson,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["exercise", "1.1", str(tmp_path / "work")]) == 0
    assert cli.main(["check", "1.1", str(tmp_path / "work")]) == 1
    out = capsys.readouterr().out
    assert "FAIL ex1_double: not implemented yet: double x at ex1_double.py:3" in out
    assert "0 of 4 exercises pass." in out


def test_broken_front_matter_is_a_clear_error(
    lesson: WrittenLesson,
    capsys: pytest.CaptureFixture[str],
) -> None:
    lesson.post.write_text(lesson.post.read_text().replace('author = "', "author = ", 1))
    assert cli.main(["show", "1.1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rlcourse: error: course/01-foundations/01-introduction/index.md: broken")


def test_run_failure_names_the_listing_and_exits_1(
    lesson: WrittenLesson,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    demo = lesson.folder / "demo_sum.py"
    demo.write_text(demo.read_text().replace("total = sum(", "total = undefined_name + sum("))
    assert cli.main(["run", "1.1", "--quick", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "demo_sum failed at course/01-foundations/01-introduction/demo_sum.py:" in err
    assert "NameError" in err


def test_run_prints_where_the_files_went(
    lesson: WrittenLesson,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["run", "1.1", "--quick", "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert f"3 files in {tmp_path / 'out'}" in out
    assert str(tmp_path / "out" / "results.json") in out


def test_show_renders_the_included_code(
    lesson: WrittenLesson,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["show", "1.1"]) == 0
    out = capsys.readouterr().out
    assert "def main(cfg: Config) -> Result:" in out
    assert "--8<--" not in out
    assert "Solution" in out


def test_exercise_into_a_folder_that_cannot_be_made_is_one_line(
    lesson: WrittenLesson,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    assert cli.main(["exercise", "1.1", str(blocker)]) == 2
    assert cli.main(["exercise", "1.1", str(blocker / "work")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"rlcourse: error: the workspace {blocker} is a file, not a folder: choose another path",
        f"rlcourse: error: cannot create the workspace {blocker / 'work'}: Not a directory",
    ]


def test_run_out_an_existing_file_is_one_line(
    lesson: WrittenLesson,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    existing = tmp_path / "results.txt"
    existing.write_text("kept\n")
    assert cli.main(["run", "1.1", "--quick", "--out", str(existing)]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines()[-1] == (
        f"rlcourse: error: the output folder {existing} is a file, not a folder: "
        "choose another path"
    )
    assert "Traceback" not in captured.err
    assert existing.read_text() == "kept\n"


def test_a_learner_file_that_calls_sys_exit_is_told_so(
    lesson: WrittenLesson,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work = tmp_path / "work"
    assert cli.main(["exercise", "1.1", str(work)]) == 0
    capsys.readouterr()
    (work / "ex1_double.py").write_text("import sys\n\nsys.exit(3)\n")
    (work / "ex2_double.py").write_text(
        "import sys\n\n\ndef double(x: int) -> int:\n    sys.exit()\n"
    )
    (work / "ex3_double.py").write_text("def double(x: int) -> int:\n    return 2 * x\n")
    assert cli.main(["check", "1.1", str(work)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == [
        "FAIL ex1_double: your file called sys.exit(3) at ex1_double.py:3 while being imported",
        "FAIL ex2_double: your code called sys.exit() at ex2_double.py:5 (in double)",
        "PASS ex3_double",
    ]
