"""Finding and reading the written lessons under ``course/``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rlcourse.errors import CourseError
from rlcourse.syllabus import Lesson, all_lessons, find_lesson, lesson_folder

FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\n(?P<toml>.*?)\n\+\+\+[ \t]*\n", re.DOTALL)


def repo_root() -> Path:
    """The repository this package is installed from (``pip install -e .``)."""
    return Path(__file__).resolve().parents[2]


def course_root() -> Path:
    return repo_root() / "course"


@dataclass(frozen=True)
class WrittenLesson:
    """A lesson of the syllabus whose post exists: its folder, front matter and body."""

    lesson: Lesson
    folder: Path
    front_matter: dict[str, Any]
    body: str
    root: Path = field(default_factory=repo_root)

    @property
    def id(self) -> str:
        return self.lesson.id

    @property
    def post(self) -> Path:
        return self.folder / "index.md"

    @property
    def extra(self) -> dict[str, Any]:
        extra = self.front_matter.get("extra", {})
        return extra if isinstance(extra, dict) else {}

    @property
    def outputs(self) -> Path:
        return self.folder / "outputs"

    def relative(self, path: Path) -> str:
        """``path`` as written from the repository root (how includes name files)."""
        return path.resolve().relative_to(self.root.resolve()).as_posix()

    def quick_overrides(self, demo_stem: str) -> dict[str, Any]:
        quick = self.extra.get("quick", {})
        values = quick.get(demo_stem, {}) if isinstance(quick, dict) else {}
        return dict(values) if isinstance(values, dict) else {}

    def exercise_names(self) -> list[str]:
        """Exercise file stems in outline order: ``ex1_…`` … ``ex4_…``, then ``project_…``."""
        stems = [p.stem for p in (self.folder / "exercises").glob("*.py")]
        return sorted(stems, key=_exercise_order)


def _exercise_order(stem: str) -> tuple[int, str]:
    match = re.match(r"ex(\d+)_", stem)
    return (int(match[1]), stem) if match else (1000, stem)


def split_front_matter(text: str, where: str) -> tuple[dict[str, Any], str]:
    """Parse ``+++``-fenced TOML front matter; a readable error if it is missing or broken."""
    match = FRONT_MATTER.match(text)
    if match is None:
        raise CourseError(f"{where}: the post must start with TOML front matter between +++ lines")
    try:
        data = tomllib.loads(match["toml"])
    except tomllib.TOMLDecodeError as error:
        raise CourseError(f"{where}: broken front matter: {error}") from None
    return data, text[match.end() :]


def lesson_dir(lesson: Lesson, root: Path | None = None) -> Path:
    return (root or repo_root()) / "course" / lesson_folder(lesson)


def is_written(lesson: Lesson, root: Path | None = None) -> bool:
    return (lesson_dir(lesson, root) / "index.md").is_file()


def resolve(lesson_id: str) -> Lesson:
    """The syllabus entry for ``M.L``, or a CourseError naming the valid range."""
    lesson = find_lesson(lesson_id)
    if lesson is None:
        raise CourseError(
            f"unknown lesson {lesson_id!r}: lessons are numbered M.L, from 1.1 to 7.5 "
            "(see `rlcourse list`)"
        )
    return lesson


def load(lesson_id: str, root: Path | None = None) -> WrittenLesson:
    """The written lesson ``M.L``; CourseError if it is unknown or not written yet."""
    lesson = resolve(lesson_id)
    return load_lesson(lesson, root)


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
    front_matter, body = split_front_matter(post.read_text(encoding="utf-8"), where)
    return WrittenLesson(lesson, folder, front_matter, body, base)


def written_lessons(root: Path | None = None) -> list[WrittenLesson]:
    return [load_lesson(lesson, root) for lesson in all_lessons() if is_written(lesson, root)]
