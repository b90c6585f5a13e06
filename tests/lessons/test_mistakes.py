"""Every exercise's mistakes (``mistakes/*.toml``): its check rejects each one, naming it."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursetools.check_runner import check_mistakes, load_mistakes
from coursetools.lessons import load, written_lessons

LESSON_IDS = [lesson.id for lesson in written_lessons()]


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_checks_reject_every_mistake_by_name(lesson_id: str, tmp_path: Path) -> None:
    lesson = load(lesson_id)
    if not load_mistakes(lesson):
        pytest.skip(f"lesson {lesson_id} has no mistakes/ yet (the lint reports it)")
    wrong: list[str] = []
    for mistake, outcome in check_mistakes(lesson, tmp_path):
        where = f"{mistake.exercise}, {mistake.name!r}"
        if outcome.passed:
            wrong.append(f"{where}: the check passed this wrong solution")
        elif mistake.expect.lower() not in outcome.message.lower():
            wrong.append(f"{where}: expected {mistake.expect!r} in: {outcome.message}")
    assert wrong == []
