"""The learner's progress: each exercise's latest verdict, kept on their own machine.

``rlcourse check M.L DIR/M.L`` records its verdicts in ``DIR/progress.json``, the folder
above the workspace (``rlcourse-work/progress.json`` by default); nothing is sent
anywhere. ``rlcourse progress DIR`` and ``rlcourse list`` read it. The file looks like::

    {"version": 1,
     "lessons": {"4.4": {"workspace": "4.4",
                         "exercises": {"ex1_q_table": {"passed": true, "message": "",
                                                       "checked": "2026-05-01T14:03:12+02:00"}}}}}

A record that cannot be read is ignored (with a one-line note) and the next check
writes a new one, so a damaged file never stops the course.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from coursetools.check_runner import CheckOutcome
from coursetools.lessons import WrittenLesson

RECORD_NAME = "progress.json"
DEFAULT_ROOT = Path("rlcourse-work")
VERSION = 1


@dataclass(frozen=True)
class Verdict:
    passed: bool
    message: str
    checked: str  # when, as ISO 8601 local time with its UTC offset


@dataclass(frozen=True)
class LessonRecord:
    workspace: str  # the workspace folder's name, inside the record's folder
    exercises: dict[str, Verdict]


@dataclass(frozen=True)
class Progress:
    """The record of one folder of workspaces, and a note if its file was unreadable."""

    root: Path
    lessons: dict[str, LessonRecord] = field(default_factory=dict)
    note: str | None = None

    @property
    def path(self) -> Path:
        return self.root / RECORD_NAME


@dataclass(frozen=True)
class LessonProgress:
    """Where a learner stands on one written lesson."""

    lesson: WrittenLesson
    exercises: list[str]
    verdicts: dict[str, Verdict]  # only the lesson's current exercises that were checked
    workspace: Path

    @property
    def passed(self) -> list[str]:
        return [name for name in self.exercises if self._passed(name)]

    @property
    def failing(self) -> list[str]:
        return [name for name in self.exercises if name in self.verdicts and not self._passed(name)]

    @property
    def untried(self) -> list[str]:
        return [name for name in self.exercises if name not in self.verdicts]

    @property
    def complete(self) -> bool:
        return bool(self.exercises) and len(self.passed) == len(self.exercises)

    @property
    def last_checked(self) -> str | None:
        return max((verdict.checked for verdict in self.verdicts.values()), default=None)

    def _passed(self, name: str) -> bool:
        verdict = self.verdicts.get(name)
        return verdict is not None and verdict.passed


def root_of(workspace: Path) -> Path:
    """The folder whose record a check of ``workspace`` writes to: the one above it."""
    return workspace.resolve().parent


def load(root: Path) -> Progress:
    """The record in ``root``: empty when there is none, empty with a note when unreadable."""
    path = root / RECORD_NAME
    if not path.exists():
        return Progress(root)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Progress(root, _parse(data))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        note = (
            f"ignoring the unreadable progress record {path} ({error}); the next check rewrites it"
        )
        return Progress(root, note=note)


def _parse(data: Any) -> dict[str, LessonRecord]:
    """The record's lessons; ValueError naming the first thing not as written above."""
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise ValueError(f"not a version {VERSION} record")
    lessons = data.get("lessons")
    if not isinstance(lessons, dict):
        raise ValueError("no lessons")
    parsed: dict[str, LessonRecord] = {}
    for lesson_id, entry in lessons.items():
        exercises = entry.get("exercises") if isinstance(entry, dict) else None
        workspace = entry.get("workspace") if isinstance(entry, dict) else None
        if not isinstance(exercises, dict) or not isinstance(workspace, str):
            raise ValueError(f"lesson {lesson_id} is malformed")
        verdicts = {
            name: _verdict(verdict, f"lesson {lesson_id}, {name}")
            for name, verdict in exercises.items()
        }
        parsed[str(lesson_id)] = LessonRecord(workspace, verdicts)
    return parsed


def _verdict(data: Any, where: str) -> Verdict:
    if not isinstance(data, dict):
        raise ValueError(f"{where} is malformed")
    passed, message, checked = data.get("passed"), data.get("message"), data.get("checked")
    if not (isinstance(passed, bool) and isinstance(message, str) and isinstance(checked, str)):
        raise ValueError(f"{where} is malformed")
    return Verdict(passed, message, checked)


def save(progress: Progress) -> None:
    """Write the record whole, or not at all: a half-written file is never left behind."""
    lessons = {lesson_id: asdict(record) for lesson_id, record in progress.lessons.items()}
    text = json.dumps({"version": VERSION, "lessons": lessons}, indent=2, ensure_ascii=False)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=progress.root, prefix=".progress-", delete=False
    ) as file:
        file.write(text + "\n")
    try:
        os.replace(file.name, progress.path)
    finally:
        Path(file.name).unlink(missing_ok=True)


def record(lesson: WrittenLesson, workspace: Path, outcomes: Sequence[CheckOutcome]) -> list[str]:
    """Keep ``outcomes`` as the latest verdicts of ``lesson``; the notes to show, if any.

    Checking the lesson's own ``exercises/`` or ``solutions/`` (what authors and the tests
    do) records nothing: that is not a learner's progress, and the record would land in
    the lesson's folder.
    """
    if workspace.resolve().is_relative_to(lesson.folder.resolve()):
        return []
    progress = load(root_of(workspace))
    notes = [progress.note] if progress.note else []
    checked = datetime.now().astimezone().isoformat(timespec="seconds")
    verdicts = {o.exercise: Verdict(o.passed, o.message, checked) for o in outcomes}
    lessons = {**progress.lessons, lesson.id: LessonRecord(workspace.resolve().name, verdicts)}
    try:
        save(Progress(progress.root, lessons))
    except OSError as error:
        notes.append(f"progress not saved: {error}")
    return notes


def standing(progress: Progress, written: Sequence[WrittenLesson]) -> list[LessonProgress]:
    """Each written lesson's standing in ``progress``, in syllabus order."""
    rows: list[LessonProgress] = []
    for lesson in written:
        names = lesson.exercise_names()
        entry = progress.lessons.get(lesson.id)
        verdicts = {n: v for n, v in entry.exercises.items() if n in names} if entry else {}
        folder = entry.workspace if entry else lesson.id
        rows.append(LessonProgress(lesson, names, verdicts, progress.root / folder))
    return rows


def next_lesson(rows: Sequence[LessonProgress]) -> LessonProgress | None:
    """The first lesson with an exercise that fails or was never checked."""
    return next((row for row in rows if not row.complete and row.exercises), None)


def command_for(row: LessonProgress, root: Path) -> list[str]:
    """What to run next on ``row``'s lesson: copy the stubs first if there is no workspace."""
    folder = (
        "" if root == DEFAULT_ROOT and row.workspace.name == row.lesson.id else f" {row.workspace}"
    )
    commands = [] if row.workspace.is_dir() else [f"rlcourse exercise {row.lesson.id}{folder}"]
    return [*commands, f"rlcourse check {row.lesson.id}{folder}"]


def report(progress: Progress, rows: Sequence[LessonProgress]) -> list[str]:
    """``rlcourse progress``: one line per written lesson, then what to do next."""
    where = progress.path if progress.path.exists() else f"{progress.path}, not written yet"
    lines = [f"Exercises passing, by written lesson ({where}):"]
    for row in rows:
        mark = "★" if row.complete else " "
        counts = f"{len(row.passed)} of {len(row.exercises)}"
        status = (
            f"checked {row.last_checked[:16].replace('T', ' ')}"
            if row.last_checked
            else "not tried"
        )
        lines.append(
            f"  [{mark}] {row.lesson.id:<4} {counts:<7} {row.lesson.lesson.title} ({status})"
        )
    complete = sum(row.complete for row in rows)
    lines.append(f"{complete} of {len(rows)} lessons complete (★: every exercise passes).")
    upcoming = next_lesson(rows)
    if upcoming is None:
        lines.append("Every written lesson is complete.")
        return lines
    lines.append(f"\nNext: lesson {upcoming.lesson.id}, {upcoming.lesson.lesson.title}")
    if upcoming.failing:
        lines.append(f"  failing: {', '.join(upcoming.failing)}")
    if upcoming.untried:
        lines.append(f"  not tried: {', '.join(upcoming.untried)}")
    lines += [f"  {command}" for command in command_for(upcoming, progress.root)]
    return lines
