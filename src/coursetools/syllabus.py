"""The course's facts, read from ``course/course.toml`` and validated once.

That file is the one place that lists the course: its title, author, the prefix of
every post title, the six sections of a post, and the modules with their lessons and
exercises (the author's outline, word for word). Everything else reads them from
here, through :func:`course`.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coursetools.errors import CourseError


def repo_root() -> Path:
    """The repository this package is installed from (``pip install -e .``)."""
    return Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Lesson:
    """One lesson of the outline: ``module.number`` is its id, e.g. ``4.4``."""

    module: int
    number: int
    title: str
    slug: str
    exercises: tuple[str, ...]
    project: str | None = None

    @property
    def id(self) -> str:
        return f"{self.module}.{self.number}"

    @property
    def exercise_count(self) -> int:
        """Exercises plus the Project Exercise, if the lesson has one."""
        return len(self.exercises) + (1 if self.project else 0)


@dataclass(frozen=True)
class Module:
    number: int
    title: str
    slug: str
    lessons: tuple[Lesson, ...]

    @property
    def folder(self) -> str:
        return f"{self.number:02d}-{self.slug}"


@dataclass(frozen=True)
class Course:
    title: str
    author: str
    repository: str
    title_prefix: str
    sections: tuple[str, ...]
    modules: tuple[Module, ...]

    def lessons(self) -> list[Lesson]:
        return [lesson for module in self.modules for lesson in module.lessons]

    @property
    def first_id(self) -> str:
        return self.lessons()[0].id

    @property
    def last_id(self) -> str:
        return self.lessons()[-1].id


def _text(table: dict[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CourseError(f"{where}: `{key}` must be a non-empty string")
    return value


def _texts(table: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise CourseError(f"{where}: `{key}` must be a list of non-empty strings")
    return tuple(str(v) for v in value)


def _number(table: dict[str, Any], expected: int, where: str) -> int:
    value = table.get("number")
    if value != expected:
        raise CourseError(f"{where}: expected number = {expected}, found {value!r}")
    return expected


def parse_course(data: dict[str, Any], where: str) -> Course:
    """The course described by ``data`` (a parsed course.toml); CourseError if malformed."""
    modules: list[Module] = []
    raw_modules = data.get("modules")
    if not isinstance(raw_modules, list) or not raw_modules:
        raise CourseError(f"{where}: needs at least one [[modules]] table")
    slugs: set[str] = set()
    for m, raw in enumerate(raw_modules, start=1):
        at = f"{where}: module {m}"
        if not isinstance(raw, dict):
            raise CourseError(f"{at}: must be a table")
        lessons: list[Lesson] = []
        raw_lessons = raw.get("lessons")
        if not isinstance(raw_lessons, list) or not raw_lessons:
            raise CourseError(f"{at}: needs at least one [[modules.lessons]] table")
        for n, entry in enumerate(raw_lessons, start=1):
            here = f"{where}: lesson {m}.{n}"
            if not isinstance(entry, dict):
                raise CourseError(f"{here}: must be a table")
            slug = _text(entry, "slug", here)
            if slug in slugs:
                raise CourseError(f"{here}: slug {slug!r} is used twice")
            slugs.add(slug)
            project = entry.get("project")
            if project is not None and not isinstance(project, str):
                raise CourseError(f"{here}: `project` must be a string")
            lessons.append(
                Lesson(
                    module=m,
                    number=_number(entry, n, here),
                    title=_text(entry, "title", here),
                    slug=slug,
                    exercises=_texts(entry, "exercises", here),
                    project=project,
                )
            )
        modules.append(
            Module(
                _number(raw, m, at), _text(raw, "title", at), _text(raw, "slug", at), tuple(lessons)
            )
        )
    return Course(
        title=_text(data, "title", where),
        author=_text(data, "author", where),
        repository=_text(data, "repository", where),
        title_prefix=_text(data, "title_prefix", where),
        sections=_texts(data, "sections", where),
        modules=tuple(modules),
    )


@functools.cache
def course(root: Path | None = None) -> Course:
    """The course of the repository at ``root`` (default: the one installed)."""
    path = (root or repo_root()) / "course" / "course.toml"
    where = "course/course.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CourseError(f"{path} is missing: it lists the course's modules and lessons") from None
    except tomllib.TOMLDecodeError as error:
        raise CourseError(f"{where}: {error}") from None
    return parse_course(data, where)


def all_lessons() -> list[Lesson]:
    return course().lessons()


def module_of(lesson: Lesson) -> Module:
    return course().modules[lesson.module - 1]


def lesson_folder(lesson: Lesson) -> str:
    """The lesson's folder under ``course/``, e.g. ``04-intro-rl/04-q-learning-and-sarsa``."""
    return f"{module_of(lesson).folder}/{lesson.number:02d}-{lesson.slug}"


def find_lesson(lesson_id: str) -> Lesson | None:
    for lesson in all_lessons():
        if lesson.id == lesson_id.strip():
            return lesson
    return None
