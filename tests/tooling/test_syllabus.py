from __future__ import annotations

import re

import pytest

from coursetools.syllabus import all_lessons, course, find_lesson, repo_root

OUTLINE = repo_root().parent / "shared" / "outline.md"


def test_seven_modules_and_49_lessons_with_four_exercises_each() -> None:
    assert [module.number for module in course().modules] == list(range(1, 8))
    lessons = all_lessons()
    assert len(lessons) == 49
    assert all(len(lesson.exercises) == 4 for lesson in lessons)
    projects = [lesson.id for lesson in lessons if lesson.project]
    assert projects == ["4.3", "4.4", "4.5", "5.2", "5.4", "5.5"]
    assert len({lesson.slug for lesson in lessons}) == 49


def test_find_lesson() -> None:
    lesson = find_lesson("4.4")
    assert lesson is not None
    assert lesson.title == "Tabular Value-Based Methods: Q-Learning and SARSA"
    assert find_lesson("4.8") is None


@pytest.mark.skipif(not OUTLINE.is_file(), reason="the author's outline is not beside the checkout")
def test_matches_the_authors_outline_word_for_word() -> None:
    text = OUTLINE.read_text(encoding="utf-8").replace("\\$", "$")
    titles = re.findall(r"^### \d+\. (.+)$", text, flags=re.MULTILINE)
    exercises = re.findall(r"^\* \*\*Exercise \d+:\*\* (.+)$", text, flags=re.MULTILINE)
    assert titles == [lesson.title for lesson in all_lessons()]
    assert exercises == [text for lesson in all_lessons() for text in lesson.exercises]
