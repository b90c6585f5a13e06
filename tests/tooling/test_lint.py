from __future__ import annotations

import pytest

from coursetools.lessons import WrittenLesson
from coursetools.lint import lint_lesson, lint_mistakes
from tests.tooling.conftest import rewrite


def test_the_fixture_lesson_is_clean(fake_lesson: WrittenLesson) -> None:
    assert lint_lesson(fake_lesson) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('author = "Artintellica"', 'author = "Someone"', "author must be"),
        ('date = "2026-11-28"', 'date = "yesterday"', "date must be"),
        ("Part 1.1: Introduction", "Part 1.2: Introduction", "title must start with"),
        ("Why PyTorch", "Why JAX", "is not the outline's"),
        ("## Mathematics", "## Maths", "sections: expected"),
        ("### Demo 2: Part 2", "### Demo 7: Part 2", "demos: expected"),
        ("Exercise 2: Create", "Exercise 2: Make", "expected heading '### Exercise 2: Create"),
        ("The sum is 499500", "The sum is 12", "does not state '499500'"),
        ("with $x^2$ inline", "with $x^2 inline", "stray $"),
        ("outputs/figure.png", "outputs/missing.png", "figure outputs/missing.png does not exist"),
        ("demo_sum.py:config", "demo_sum.py:nosuch", "has no section 'nosuch'"),
    ],
)
def test_lint_finds_the_problem(
    fake_lesson: WrittenLesson, old: str, new: str, expected: str
) -> None:
    problems = lint_lesson(rewrite(fake_lesson, old, new))
    assert any(expected in problem for problem in problems), problems


def test_code_typed_into_a_post_is_refused(fake_lesson: WrittenLesson) -> None:
    lesson = rewrite(fake_lesson, "Next: more.", "```python\nprint('typed in')\n```\n")
    assert any("exactly one" in problem for problem in lint_lesson(lesson))


def test_a_listing_that_no_post_includes_is_reported(fake_lesson: WrittenLesson) -> None:
    (fake_lesson.folder / "demo_orphan.py").write_text("x = 1\n")
    assert any("demo_orphan.py is not included" in p for p in lint_lesson(fake_lesson))


def test_an_exercise_without_a_check_is_reported(fake_lesson: WrittenLesson) -> None:
    (fake_lesson.folder / "checks" / "ex3_double.py").unlink()
    assert any("checks/ must hold" in p for p in lint_lesson(fake_lesson))


def test_display_maths_needs_blank_lines_around_it(fake_lesson: WrittenLesson) -> None:
    cramped = "Text before\n$$\nx = 1\n$$\nafter."
    lesson = rewrite(fake_lesson, "Next: more.", cramped)
    assert any("stray $" in p for p in lint_lesson(lesson))


def test_display_maths_in_a_list_item_renders_when_indented(fake_lesson: WrittenLesson) -> None:
    in_list = "- a list item:\n\n    $$\n    x = 1\n    $$\n\n- next item with $y$.\n"
    lesson = rewrite(fake_lesson, "Next: more.", in_list)
    assert lint_lesson(lesson) == []
    unindented = "- a list item:\n    $$\n    x = 1\n    $$\n"
    assert any("stray $" in p for p in lint_lesson(rewrite(lesson, in_list, unindented)))


def test_a_literal_dollar_is_allowed(fake_lesson: WrittenLesson) -> None:
    assert lint_lesson(rewrite(fake_lesson, "Next: more.", "It costs \\$5.")) == []


def test_an_exercise_with_fewer_than_three_mistakes_is_reported(
    fake_lesson: WrittenLesson,
) -> None:
    assert lint_mistakes(fake_lesson) == []
    path = fake_lesson.folder / "mistakes" / "ex3_double.toml"
    path.write_text(path.read_text().split("\n\n")[0] + "\n")
    (fake_lesson.folder / "mistakes" / "ex4_double.toml").unlink()
    (fake_lesson.folder / "mistakes" / "ex9_other.toml").write_text("")
    assert lint_mistakes(fake_lesson) == [
        "mistakes/ex3_double.toml: 1 mistakes, at least 3 (plausible wrong solutions, each a "
        "[[mistake]] its check must reject)",
        "mistakes/ex4_double.toml: 0 mistakes, at least 3 (plausible wrong solutions, each a "
        "[[mistake]] its check must reject)",
        "mistakes/ex9_other.toml: there is no exercise ex9_other.py",
    ]
