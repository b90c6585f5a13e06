"""What made a lesson's outputs, and which lessons a file feeds.

``rlcourse regen M.L`` writes ``outputs/provenance.json``: the sha256 of every Python
file in the lesson's folder (its demos and the helpers they import as siblings) and of
every module of the readers' library, ``src/rlcourse/``, that the run imported. The
tooling never imports the library, so after a run ``sys.modules`` holds exactly the
library modules the demos needed. When one of those files changes, the committed
outputs no longer show what the code does, and the lint names the lesson to regenerate.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from coursetools import lessons
from coursetools.errors import CourseError
from coursetools.lessons import WrittenLesson
from coursetools.post import find_includes

PROVENANCE_FILE = "provenance.json"
LIBRARY = "src/rlcourse"


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def lesson_sources(lesson: WrittenLesson) -> list[Path]:
    """The Python files beside the post: ``demo_*.py`` and helpers such as ``ledge.py``."""
    return sorted(lesson.folder.glob("*.py"))


def imported_library_files(root: Path) -> list[Path]:
    """The files of ``root/src/rlcourse/`` whose modules are loaded in this process now."""
    library = (root / LIBRARY).resolve()
    found: set[Path] = set()
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if isinstance(file, str) and file.endswith(".py"):
            path = Path(file).resolve()
            if path.is_relative_to(library):
                found.add(path)
    return sorted(found)


def record(lesson: WrittenLesson) -> dict[str, str]:
    """``{path from the repository root: sha256}`` of what the run that just ended used."""
    paths = lesson_sources(lesson) + imported_library_files(lesson.root)
    return {lesson.relative(path): sha256_of(path) for path in paths}


def write_provenance(lesson: WrittenLesson, out_dir: Path) -> Path:
    """Write ``out_dir/provenance.json`` for a full run of ``lesson`` that just ended."""
    path = out_dir / PROVENANCE_FILE
    data = {"lesson": lesson.id, "sha256": record(lesson)}
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def read_provenance(lesson: WrittenLesson) -> dict[str, str] | None:
    """The recorded hashes, or None when the outputs have no (readable) provenance."""
    path = lesson.outputs / PROVENANCE_FILE
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return None
    hashes = data.get("sha256") if isinstance(data, dict) else None
    if not isinstance(hashes, dict):
        return None
    return {str(name): str(digest) for name, digest in hashes.items()}


def staleness(lesson: WrittenLesson) -> list[str]:
    """Why the committed outputs may no longer be what the code makes (empty: up to date)."""
    fix = f"run `rlcourse regen {lesson.id}`"
    recorded = read_provenance(lesson)
    if recorded is None:
        return [f"outputs of {lesson.id} do not record what made them: {fix}"]
    problems: list[str] = []
    for name, digest in sorted(recorded.items()):
        path = lesson.root / name
        if not path.is_file():
            problems.append(f"outputs of {lesson.id} were made from {name}, now gone: {fix}")
        elif sha256_of(path) != digest:
            problems.append(f"outputs of {lesson.id} were made from an older {name}: {fix}")
    for path in lesson_sources(lesson):
        name = lesson.relative(path)
        if name not in recorded:
            problems.append(f"outputs of {lesson.id} were made before {name} existed: {fix}")
    return problems


@dataclass(frozen=True)
class Use:
    """How one written lesson depends on a file."""

    lesson: WrittenLesson
    shown: bool  # the post includes it
    imported: bool  # its last full run imported it (provenance)


@dataclass(frozen=True)
class Uses:
    path: str
    uses: list[Use]
    unknown: list[str]  # lessons without provenance, whose imports are not known


def repository_path(argument: str, root: Path) -> str:
    """A path given on the command line, as written from the repository root."""
    given = Path(argument)
    candidate = (given if given.is_absolute() else Path.cwd() / given).resolve()
    if candidate.is_relative_to(root.resolve()):
        return candidate.relative_to(root.resolve()).as_posix()
    if not given.is_absolute() and (root / given).exists():
        return given.as_posix()
    raise CourseError(f"{argument} is not a file of the course repository at {root}")


def uses_of(path: str, written: list[WrittenLesson]) -> Uses:
    """The lessons whose post shows ``path`` or whose last full run imported it."""
    uses: list[Use] = []
    unknown: list[str] = []
    for lesson in written:
        shown = any(include.path == path for include in find_includes(lesson.body))
        recorded = read_provenance(lesson)
        if recorded is None:
            unknown.append(lesson.id)
        imported = recorded is not None and path in recorded
        if shown or imported:
            uses.append(Use(lesson, shown, imported))
    return Uses(path, uses, unknown)


def lessons_using(argument: str, root: Path | None = None) -> Uses:
    """:func:`uses_of` for a path given on the command line, over every written lesson."""
    base = root or lessons.repo_root()
    path = repository_path(argument, base)
    found = uses_of(path, lessons.written_lessons(base))
    if not found.uses and not (base / path).exists():
        raise CourseError(f"no file {path} in the repository, and no lesson records using it")
    return found
