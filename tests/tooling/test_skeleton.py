"""``rlcourse new M.L``: a lesson skeleton laid out from the syllabus, which the lint reads."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from coursetools import cli, lessons
from coursetools.check_runner import check_workspace
from coursetools.lessons import WrittenLesson, load
from coursetools.lint import lint_lesson
from coursetools.runner import run_lesson
from coursetools.skeleton import TO_WRITE, file_name
from coursetools.syllabus import course

FOLDER = "course/03-neural-networks/02-feedforward-from-scratch"


@pytest.fixture
def skeleton(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> WrittenLesson:
    """``rlcourse new 3.2`` in a scratch repository."""
    monkeypatch.setattr(lessons, "repo_root", lambda: tmp_path)
    assert cli.main(["new", "3.2"]) == 0
    assert "`rlcourse lint 3.2` lists what is left to write" in capsys.readouterr().out
    return load("3.2", tmp_path)


def test_the_skeleton_follows_the_syllabus(skeleton: WrittenLesson) -> None:
    the_course = course()
    assert skeleton.relative(skeleton.folder) == FOLDER
    assert skeleton.front_matter == {
        "title": f"{the_course.title_prefix}3.2: {skeleton.lesson.title}",
        "author": the_course.author,
        "date": datetime.date.today().isoformat(),
    }
    assert skeleton.front_matter_text.count("\n") == 5
    headings = [line for line in skeleton.body.splitlines() if line.startswith("#")]
    assert [h[3:] for h in headings if h.startswith("## ")] == list(the_course.sections)
    exercises = [f"### Exercise {i}: {text}" for i, text in enumerate(skeleton.lesson.exercises, 1)]
    assert [h for h in headings if h.startswith("### Exercise")] == exercises
    assert [h.split(":")[0] for h in headings if h.startswith("### Demo")] == [
        f"### Demo {i}" for i in range(1, 5)
    ]
    assert skeleton.exercise_names() == [
        "ex1_implement_two_layer",
        "ex2_forward_propagate_compute",
        "ex3_backpropagate_gradients_manually",
        "ex4_train_model_plot",
    ]
    for part in ("exercises", "solutions", "checks"):
        names = sorted(p.stem for p in (skeleton.folder / part).glob("*.py"))
        assert names == sorted(skeleton.exercise_names())
    assert (skeleton.folder / "demo_feedforward_from_scratch.py").is_file()
    assert skeleton.quick_overrides("demo_feedforward_from_scratch") == {"steps": 10}


def test_lint_lists_what_is_left_to_write_and_nothing_else(
    skeleton: WrittenLesson, capsys: pytest.CaptureFixture[str]
) -> None:
    problems = lint_lesson(skeleton)
    left = [p for p in problems if "still to write" in p]
    # The skeleton ships no mistakes yet: each exercise needs three, which lint says too.
    mistakes = [p for p in problems if p.startswith("mistakes/")]
    assert len(mistakes) == 4 and all("0 mistakes, at least 3" in p for p in mistakes)
    assert sorted(problems) == sorted(
        [
            "outputs of 3.2 do not record what made them: run `rlcourse regen 3.2`",
            *mistakes,
            *left,
        ]
    )
    assert "index.md:9: still to write: the concrete question this part answers" in left[0]
    files = {p.split(":")[0] for p in left}
    assert {"index.md", "lesson.toml", "demo_feedforward_from_scratch.py"} <= files
    assert "checks/ex4_train_model_plot.py" in files
    assert cli.main(["lint", "3.2"]) == 1
    out = capsys.readouterr().out
    assert f"{FOLDER}/index.md: index.md:9: still to write" in out
    assert out.endswith("lint: 0 of 1 lessons clean.\n")


def test_the_skeleton_runs_and_its_checks_fail_on_the_stubs(
    skeleton: WrittenLesson, tmp_path: Path
) -> None:
    run = run_lesson(skeleton, quick=True, out_dir=tmp_path / "out", echo=False)
    assert [(demo.stem, demo.result) for demo in run.demos] == [
        ("demo_feedforward_from_scratch", {"steps": 10})
    ]
    stubs = check_workspace(skeleton, skeleton.folder / "exercises")
    assert [o.message for o in stubs] == [
        f"not implemented yet: answer at {name}.py:14 (in answer)"
        for name in skeleton.exercise_names()
    ]
    solved = check_workspace(skeleton, skeleton.folder / "solutions")
    assert all(outcome.passed for outcome in solved)


def test_the_skeleton_passes_ruff(skeleton: WrittenLesson) -> None:
    ruff = Path(sys.executable).parent / "ruff"
    config = Path(__file__).resolve().parents[2] / "pyproject.toml"
    for command in (["check"], ["format", "--check"]):
        done = subprocess.run(
            [str(ruff), *command, "--config", str(config), str(skeleton.folder)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_new_refuses_a_lesson_that_exists(
    skeleton: WrittenLesson, capsys: pytest.CaptureFixture[str]
) -> None:
    post = skeleton.post.read_text()
    assert cli.main(["new", "3.2"]) == 2
    assert capsys.readouterr().err == (
        f"rlcourse: error: lesson 3.2 already exists in {FOLDER}: edit it there\n"
    )
    assert skeleton.post.read_text() == post


def test_every_marker_is_the_one_the_lint_reads(skeleton: WrittenLesson) -> None:
    marked = sum(
        path.read_text().count(TO_WRITE) for path in skeleton.folder.rglob("*") if path.is_file()
    )
    assert marked == len([p for p in lint_lesson(skeleton) if "still to write" in p])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Implement a two-layer neural network using tensors and matrix ops.",
            "implement_two_layer",
        ),
        ("Visualize the learned Q-table as a heatmap.", "visualize_learned_q"),
        ("…", "task"),
    ],
)
def test_file_names_come_from_the_exercise_text(text: str, name: str) -> None:
    assert file_name(text) == name
