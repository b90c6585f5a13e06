from __future__ import annotations

from pathlib import Path

import pytest

from coursetools.check_runner import (
    CheckOutcome,
    check_mistakes,
    check_workspace,
    copy_stubs,
    load_mistakes,
    run_checks,
)
from coursetools.errors import CourseError
from coursetools.lessons import WrittenLesson


def _check_file(lesson: WrittenLesson) -> Path:
    return lesson.folder / "checks" / "ex1_double.py"


def run_check(check: Path, learner: Path, timeout: float) -> CheckOutcome:
    [outcome] = run_checks([(check, learner)], timeout)
    return outcome


def _learner(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "ex1_double.py"
    path.write_text(body)
    return path


def test_solutions_pass_and_stubs_fail(fake_lesson: WrittenLesson) -> None:
    solved = check_workspace(fake_lesson, fake_lesson.folder / "solutions")
    assert all(outcome.passed for outcome in solved)
    stubs = check_workspace(fake_lesson, fake_lesson.folder / "exercises")
    assert [outcome.passed for outcome in stubs] == [False] * 4
    assert stubs[0].message == "not implemented yet: double x at ex1_double.py:3 (in double)"


def test_a_wrong_value_says_expected_and_got(fake_lesson: WrittenLesson, tmp_path: Path) -> None:
    learner = _learner(tmp_path, "def double(x: int) -> int:\n    return x + 1\n")
    outcome = run_check(_check_file(fake_lesson), learner, timeout=30)
    assert not outcome.passed
    assert outcome.message == "double(21): expected 42, got 22"


def test_an_exception_points_at_the_learners_line(
    fake_lesson: WrittenLesson, tmp_path: Path
) -> None:
    body = "def double(x: int) -> int:\n    values = [x]\n    return values[3]\n"
    outcome = run_check(_check_file(fake_lesson), _learner(tmp_path, body), timeout=30)
    assert outcome.message == (
        "your code raised IndexError: list index out of range at ex1_double.py:3 (in double)"
    )


def test_a_stub_is_unfinished_even_where_the_check_catches_runtime_errors(
    tmp_path: Path,
) -> None:
    check = tmp_path / "check_shapes.py"
    check.write_text(
        "from coursetools.check_helpers import CheckFailed\n\n\n"
        "def check(module):\n"
        "    try:\n"
        "        module.double(2)\n"
        "    except RuntimeError as error:\n"
        '        raise CheckFailed(f"PyTorch refused the shapes ({error})") from None\n'
    )
    stub = "def double(x: int) -> int:\n    raise NotImplementedError\n"
    outcome = run_check(check, _learner(tmp_path, stub), timeout=30)
    assert outcome.message == "not implemented yet at ex1_double.py:2 (in double)"
    shapes = "def double(x: int) -> int:\n    raise RuntimeError('size mismatch')\n"
    outcome = run_check(check, _learner(tmp_path, shapes), timeout=30)
    assert outcome.message == "PyTorch refused the shapes (size mismatch)"


def test_an_endless_loop_times_out(fake_lesson: WrittenLesson, tmp_path: Path) -> None:
    body = "def double(x: int) -> int:\n    while True:\n        x += 1\n"
    outcome = run_check(_check_file(fake_lesson), _learner(tmp_path, body), timeout=3)
    assert not outcome.passed
    assert outcome.message == "timed out after 3 s: is there an endless loop?"


def test_a_syntax_error_is_reported(fake_lesson: WrittenLesson, tmp_path: Path) -> None:
    outcome = run_check(_check_file(fake_lesson), _learner(tmp_path, "def double(:\n"), timeout=30)
    assert outcome.message.startswith("importing your file failed: your code raised SyntaxError")


def test_a_missing_function_is_named(fake_lesson: WrittenLesson, tmp_path: Path) -> None:
    outcome = run_check(_check_file(fake_lesson), _learner(tmp_path, "x = 1\n"), timeout=30)
    assert outcome.message == "your file defines no `double`: keep the function name from the stub"


def test_copy_stubs_keeps_the_learners_work(fake_lesson: WrittenLesson, tmp_path: Path) -> None:
    assert len(copy_stubs(fake_lesson, tmp_path)) == 4
    (tmp_path / "ex1_double.py").write_text("# my work\n")
    assert len(copy_stubs(fake_lesson, tmp_path)) == 0
    assert (tmp_path / "ex1_double.py").read_text() == "# my work\n"


def test_a_missing_workspace_is_a_clear_error(fake_lesson: WrittenLesson, tmp_path: Path) -> None:
    with pytest.raises(CourseError, match=r"run `rlcourse exercise 1\.1"):
        check_workspace(fake_lesson, tmp_path / "nowhere")


def test_after_a_timeout_the_other_exercises_are_still_checked(
    fake_lesson: WrittenLesson, tmp_path: Path
) -> None:
    loop = tmp_path / "loop" / "ex1_double.py"
    loop.parent.mkdir()
    loop.write_text("def double(x: int) -> int:\n    while True:\n        x += 1\n")
    good = fake_lesson.folder / "solutions" / "ex1_double.py"
    check = _check_file(fake_lesson)
    outcomes = run_checks(
        [(check, good), (check, loop), (check, tmp_path / "gone.py"), (check, good)], 2
    )
    assert [o.passed for o in outcomes] == [True, False, False, True]
    assert "timed out" in outcomes[1].message
    assert "is missing" in outcomes[2].message


def test_each_mistake_is_checked_and_named(fake_lesson: WrittenLesson, tmp_path: Path) -> None:
    results = check_mistakes(fake_lesson, tmp_path)
    assert len(results) == 4 * 3
    assert [outcome.passed for _, outcome in results] == [False] * 12
    mistake, outcome = results[1]
    assert (mistake.exercise, mistake.name) == ("ex1_double", "squares")
    assert outcome.message == "double(21): expected 42, got 441"


def test_a_mistake_must_replace_text_that_occurs_once(fake_lesson: WrittenLesson) -> None:
    [mistake, *_] = load_mistakes(fake_lesson)["ex1_double"]
    with pytest.raises(CourseError, match=r"occurs 0 times in solutions/ex1_double\.py"):
        mistake.apply("def double(x: int) -> int:\n    return x + x\n")
    with pytest.raises(CourseError, match="occurs 2 times"):
        mistake.apply("def double(x: int) -> int:\n    return 2 * x  # 2 * x\n")


def test_a_mistake_without_its_five_keys_is_refused(fake_lesson: WrittenLesson) -> None:
    path = fake_lesson.folder / "mistakes" / "ex2_double.toml"
    path.write_text(path.read_text().replace('expect = "got 441"', ""))
    with pytest.raises(CourseError, match=r"ex2_double.toml: each \[\[mistake\]\] needs"):
        load_mistakes(fake_lesson)
