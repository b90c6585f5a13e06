"""Finding and reading the written lessons under ``course/``.

A lesson is written when its post ``index.md`` exists. Beside it, ``lesson.toml``
holds what the machinery needs and the blog does not publish: quick-run values
(``[quick.<demo stem>]``), the numbers the prose states (``[[claims]]``), and
``exact_full_run`` / ``check_timeout`` where a lesson needs them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coursetools.errors import CourseError
from coursetools.post import code_note, split_front_matter, with_code_note
from coursetools.syllabus import Lesson, all_lessons, course, find_lesson, lesson_folder, repo_root

SETTINGS_KEYS = {"quick", "claims", "exact_full_run", "check_timeout"}


@dataclass(frozen=True)
class WrittenLesson:
    """A lesson of the syllabus whose post exists: its folder, front matter, body, settings."""

    lesson: Lesson
    folder: Path
    front_matter: dict[str, Any]
    front_matter_text: str
    body: str
    settings: dict[str, Any]
    root: Path = field(default_factory=repo_root)

    @property
    def id(self) -> str:
        return self.lesson.id

    @property
    def post(self) -> Path:
        return self.folder / "index.md"

    @property
    def outputs(self) -> Path:
        return self.folder / "outputs"

    @property
    def title(self) -> str:
        return str(self.front_matter.get("title", self.lesson.title))

    def published_body(self, notation_href: str) -> str:
        """The body as published: with the course's note on getting the code."""
        note = code_note(self.id, course().repository, notation_href)
        return with_code_note(self.body, note)

    def relative(self, path: Path) -> str:
        """``path`` as written from the repository root (how includes name files)."""
        return path.resolve().relative_to(self.root.resolve()).as_posix()

    def quick_overrides(self, demo_stem: str) -> dict[str, Any]:
        quick = self.settings.get("quick", {})
        values = quick.get(demo_stem, {}) if isinstance(quick, dict) else {}
        return dict(values) if isinstance(values, dict) else {}

    def exercise_names(self) -> list[str]:
        """Exercise file stems in outline order: ``ex1_…`` … ``ex4_…``, then ``project_…``."""
        stems = [p.stem for p in (self.folder / "exercises").glob("*.py")]
        return sorted(stems, key=_exercise_order)


def _exercise_order(stem: str) -> tuple[int, str]:
    match = re.match(r"ex(\d+)_", stem)
    return (int(match[1]), stem) if match else (1000, stem)


def read_settings(path: Path, where: str) -> dict[str, Any]:
    """The lesson's ``lesson.toml`` (empty when absent); CourseError if broken or unknown keys."""
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise CourseError(f"{where}: {error}") from None
    unknown = sorted(set(data) - SETTINGS_KEYS)
    if unknown:
        raise CourseError(f"{where}: unknown keys {unknown}; known: {sorted(SETTINGS_KEYS)}")
    return data


def lesson_dir(lesson: Lesson, root: Path | None = None) -> Path:
    return (root or repo_root()) / "course" / lesson_folder(lesson)


def is_written(lesson: Lesson, root: Path | None = None) -> bool:
    return (lesson_dir(lesson, root) / "index.md").is_file()


def resolve(lesson_id: str) -> Lesson:
    """The syllabus entry for ``M.L``, or a CourseError naming the valid range."""
    lesson = find_lesson(lesson_id)
    if lesson is None:
        the_course = course()
        raise CourseError(
            f"unknown lesson {lesson_id!r}: lessons are numbered M.L, from "
            f"{the_course.first_id} to {the_course.last_id} (see `rlcourse list`)"
        )
    return lesson


def load(lesson_id: str, root: Path | None = None) -> WrittenLesson:
    """The written lesson ``M.L``; CourseError if it is unknown or not written yet."""
    return load_lesson(resolve(lesson_id), root)


def load_lesson(lesson: Lesson, root: Path | None = None) -> WrittenLesson:
    base = root or repo_root()
    folder = lesson_dir(lesson, base)
    post = folder / "index.md"
    if not post.is_file():
        raise CourseError(
            f"lesson {lesson.id} ({lesson.title}) is not written yet; `rlcourse list` marks "
            "the written ones"
        )
    where = post.relative_to(base).as_posix()
    front_matter, front_text, body = split_front_matter(post.read_text(encoding="utf-8"), where)
    settings_path = folder / "lesson.toml"
    settings = read_settings(settings_path, settings_path.relative_to(base).as_posix())
    return WrittenLesson(lesson, folder, front_matter, front_text, body, settings, base)


def written_lessons(root: Path | None = None) -> list[WrittenLesson]:
    return [load_lesson(lesson, root) for lesson in all_lessons() if is_written(lesson, root)]
