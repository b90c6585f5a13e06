"""The budget of a post, measured as a blog reader scrolls it (coursetools.budget)."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursetools import budget, cli, lessons
from coursetools.lessons import WrittenLesson
from coursetools.lint import lint_lesson
from coursetools.post import sections_of
from tests.tooling.conftest import make_lesson, rewrite

# The lessons written before the budget existed: the exemption may only shrink.
INCLUDE = '--8<-- "course/03-neural-networks/02-feedforward-from-scratch/demo_sum.py'


@pytest.fixture
def new_lesson(tmp_path: Path) -> WrittenLesson:
    """A lesson that is not in the transitional set, so the budget holds for it."""
    return make_lesson(tmp_path, "3.2")


def _words(count: int) -> str:
    return " ".join(["word"] * count)


def _block(kind: str, title: str, content: str) -> str:
    indented = "\n".join("    " + line if line else "" for line in content.splitlines())
    return f'\n??? {kind} "{title}"\n\n{indented}\n\n'


def test_the_fake_lesson_fits_and_its_demo_core_is_what_its_open_fences_include(
    new_lesson: WrittenLesson,
) -> None:
    size = budget.measure(new_lesson)
    sections = sections_of((new_lesson.folder / "demo_sum.py").read_text())
    demos = len(new_lesson.lesson.exercises)  # the post shows :main once per demo
    core = len(sections["config"].splitlines()) + demos * len(sections["main"].splitlines())
    assert size.demo_cores == {"demo_sum.py": core}
    assert size.largest_core == ("demo_sum.py", core)
    assert size.code_lines == core, "the solutions are collapsed: only the demo is open code"
    assert size.front_matter_lines == 5
    assert 0 < size.words < 400
    assert budget.overruns(size) == []
    assert lint_lesson(new_lesson) == []


def test_open_prose_and_code_are_counted(new_lesson: WrittenLesson) -> None:
    before = budget.measure(new_lesson)
    added = f"{_words(7)}\n\n```text\none\ntwo\nthree\n```\n\nNext: more."
    after = budget.measure(rewrite(new_lesson, "Next: more.", added))
    assert after.words == before.words + 7
    assert after.code_lines == before.code_lines + 3


def test_solutions_one_going_deeper_and_folded_listings_do_not_count(
    new_lesson: WrittenLesson,
) -> None:
    before = budget.measure(new_lesson)
    deeper = _block("note", "Going deeper", f"{_words(50)}\n\n```text\na\nb\n```")
    listing = _block("example", "The whole listing", f'```python\n{INCLUDE}"\n```')
    lesson = rewrite(new_lesson, "Next: more.", deeper + listing + "Next: more.")
    after = budget.measure(lesson)
    assert (after.words, after.code_lines, after.demo_cores) == (
        before.words,
        before.code_lines,
        before.demo_cores,
    )

    second = _block("note", "Going deeper", _words(40))
    aside = _block("note", "An aside", f"{_words(30)}\n\n```text\nc\n```")
    folded_prose = budget.measure(rewrite(lesson, "Next: more.", second + aside + "Next: more."))
    # Only one "Going deeper" is free, and folding prose under another title hides nothing.
    assert folded_prose.words == before.words + 40 + 2 + 30 + 2  # + the two summary titles
    assert folded_prose.code_lines == before.code_lines + 1


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (_words(3001), "budget: 3,"),
        ("```text\n" + "line\n" * 401 + "```\n", "lines of open code and output, at most 400"),
        (
            "\n".join(f'```python\n{INCLUDE}:main"\n```\n' for _ in range(9)),
            "lines, at most 60 per demo",
        ),
    ],
)
def test_a_new_lesson_over_budget_is_reported_with_the_number(
    new_lesson: WrittenLesson, extra: str, expected: str
) -> None:
    lesson = rewrite(new_lesson, "Next: more.", extra + "\n\nNext: more.")
    size = budget.measure(lesson)
    problems = lint_lesson(lesson)
    assert [p for p in problems if p.startswith("budget:")] == [
        o.message for o in budget.overruns(size)
    ]
    assert any(expected in p for p in problems), problems
    if "words" in expected:
        assert f"budget: {size.words:,} words of open prose, at most 3,000" in problems[0]


def test_front_matter_over_ten_lines_is_reported(fake_lesson: WrittenLesson) -> None:
    lesson = rewrite(fake_lesson, 'date = "2026-11-28"\n', 'date = "2026-11-28"\n' + "\n" * 6)
    budget_problems = [p for p in lint_lesson(lesson) if p.startswith("budget:")]
    assert budget_problems == [
        "budget: front matter of 11 lines, at most 10 (the blog publishes it; quick values and "
        "claims go in lesson.toml)"
    ]


def test_lint_budget_prints_a_table(
    new_lesson: WrittenLesson,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(lessons, "repo_root", lambda: new_lesson.root)
    size = budget.measure(new_lesson)
    assert cli.main(["lint", "3.2", "--budget"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "lesson",
        "words",
        "code",
        "largest",
        "demo",
        "core",
        "lines",
        "front",
    ]
    assert lines[1].split() == [
        "3.2",
        str(size.words),
        str(size.code_lines),
        "demo_sum.py",
        str(size.largest_core[1]),
        "5",
    ]
    assert lines[2].split() == ["limit", "3,000", "400", "60", "10"]


def test_a_post_that_cannot_be_exported_is_one_line_not_a_traceback(
    new_lesson: WrittenLesson,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(lessons, "repo_root", lambda: new_lesson.root)
    lesson = rewrite(new_lesson, "outputs/figure.png", "outputs/gone.png")
    assert not any(p.startswith("budget:") for p in lint_lesson(lesson))
    assert cli.main(["lint", "3.2", "--budget"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rlcourse: error: part 3.2 cannot be exported: ")
    assert len(err.splitlines()) == 1
