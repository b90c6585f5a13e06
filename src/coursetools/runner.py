"""Running a lesson's demos: the same ``main(Config)`` a reader runs, quick or full.

Quick runs build each demo's ``Config`` with the small values of the lesson's
``lesson.toml`` (``[quick.<demo stem>]``); full runs use the defaults the reader sees.
Each demo's printed output is kept as ``<out>/<demo stem>.txt`` and its returned
result goes into ``<out>/results.json``; a regeneration also records what made them
(``provenance.json``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import math
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from coursetools.errors import CourseError
from coursetools.file_import import import_file
from coursetools.lessons import WrittenLesson
from coursetools.post import find_includes
from coursetools.provenance import write_provenance

JsonValue = Any


@dataclass(frozen=True)
class DemoRun:
    stem: str
    seconds: float
    result: dict[str, JsonValue]
    printed: str


@dataclass(frozen=True)
class LessonRun:
    lesson_id: str
    quick: bool
    out_dir: Path
    demos: list[DemoRun]

    @property
    def seconds(self) -> float:
        return sum(demo.seconds for demo in self.demos)

    @property
    def results(self) -> dict[str, dict[str, JsonValue]]:
        """Each demo's result under the demo's file stem, as ``results.json`` holds them."""
        return {demo.stem: demo.result for demo in self.demos}

    def files(self) -> list[Path]:
        return sorted(path for path in self.out_dir.rglob("*") if path.is_file())


class DemoFailed(Exception):
    """A demo raised: ``where`` is the listing file and line, relative to the repository."""

    def __init__(self, stem: str, where: str, error: BaseException) -> None:
        super().__init__(f"{stem} failed at {where}: {type(error).__name__}: {error}")
        self.stem = stem
        self.where = where
        self.error = error


class _Tee(io.TextIOBase):
    """Writes to the terminal and keeps a copy, so printed output can be saved."""

    def __init__(self, terminal: TextIO | None) -> None:
        self.terminal = terminal
        self.copy = io.StringIO()

    def write(self, text: str) -> int:
        if self.terminal is not None:
            self.terminal.write(text)
        return self.copy.write(text)

    def flush(self) -> None:
        if self.terminal is not None:
            self.terminal.flush()


def demo_files(lesson: WrittenLesson) -> list[Path]:
    """The lesson's ``demo_*.py`` listings, in the order the post first includes them."""
    ordered: list[Path] = []
    for include in find_includes(lesson.body):
        path = (lesson.root / include.path).resolve()
        in_lesson = path.parent == lesson.folder.resolve() and path.name.startswith("demo_")
        if in_lesson and not path.is_file():
            raise CourseError(
                f"lesson {lesson.id}: the post includes {include.path}, which is missing"
            )
        if in_lesson and path not in ordered:
            ordered.append(path)
    for path in sorted(lesson.folder.glob("demo_*.py")):
        if path.resolve() not in ordered:
            ordered.append(path.resolve())
    return ordered


def build_config(config_type: type, overrides: dict[str, Any], out_dir: Path, where: str) -> Any:
    """``Config()`` with ``overrides`` and ``out_dir`` applied; unknown names are an error."""
    defaults = config_type()
    names = {f.name for f in dataclasses.fields(defaults)}
    if "out_dir" not in names:
        raise CourseError(f"{where}: Config has no out_dir field")
    unknown = sorted(set(overrides) - names)
    if unknown:
        raise CourseError(f"{where}: quick values for unknown Config fields {unknown}")
    values: dict[str, Any] = {}
    for name, value in overrides.items():
        default = getattr(defaults, name)
        values[name] = (
            tuple(value) if isinstance(default, tuple) and isinstance(value, list) else value
        )
    return dataclasses.replace(defaults, out_dir=out_dir, **values)


def _failure_location(error: BaseException, root: Path) -> str:
    """The deepest frame of the traceback that is the course's own code, as ``path:line``."""
    here = Path(__file__).resolve()
    best = "unknown location"
    for frame in traceback.extract_tb(error.__traceback__):
        path = Path(frame.filename).resolve()
        if path == here or not path.is_relative_to(root.resolve()):
            continue
        best = f"{path.relative_to(root.resolve()).as_posix()}:{frame.lineno} (in {frame.name})"
    return best


def _as_json(result: object, where: str) -> dict[str, JsonValue]:
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        data: object = dataclasses.asdict(result)
    else:
        data = result
    if not isinstance(data, dict):
        raise CourseError(f"{where}: main() must return a Result dataclass, got {type(result)}")
    try:
        json.dumps(data, allow_nan=False, default=_json_default)
    except (TypeError, ValueError) as error:
        raise CourseError(f"{where}: the result is not plain JSON data: {error}") from None
    return json.loads(json.dumps(data, default=_json_default))


def _json_default(value: object) -> JsonValue:
    if isinstance(value, Path):
        return value.as_posix()
    item = getattr(value, "item", None)
    if callable(item):
        return item()
    raise TypeError(f"{type(value).__name__} is not JSON data")


def run_demo(path: Path, lesson: WrittenLesson, quick: bool, out_dir: Path, echo: bool) -> DemoRun:
    where = lesson.relative(path)
    module = import_file(path)
    config_type = getattr(module, "Config", None)
    main: Callable[[Any], object] | None = getattr(module, "main", None)
    if not isinstance(config_type, type) or main is None:
        raise CourseError(f"{where}: a demo needs a Config dataclass and main(cfg)")
    overrides = lesson.quick_overrides(path.stem) if quick else {}
    cfg = build_config(config_type, overrides, out_dir, where)
    tee = _Tee(sys.stdout if echo else None)
    start = time.perf_counter()
    saved = sys.stdout
    sys.stdout = tee
    try:
        with _restored_global_settings():
            result = main(cfg)
    except Exception as error:
        raise DemoFailed(path.stem, _failure_location(error, lesson.root), error) from error
    finally:
        sys.stdout = saved
    seconds = time.perf_counter() - start
    printed = tee.copy.getvalue()
    (out_dir / f"{path.stem}.txt").write_text(printed, encoding="utf-8")
    return DemoRun(path.stem, seconds, _as_json(result, where), printed)


@contextlib.contextmanager
def _restored_global_settings() -> Iterator[None]:
    """Undo what a demo sets for the whole process (numpy's print options, matplotlib's
    rcParams), so that the next demo prints and draws as it would when run alone."""
    import matplotlib
    import numpy as np

    with np.printoptions(), matplotlib.rc_context():
        yield


def _prepare_headless() -> None:
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import matplotlib

    matplotlib.use("Agg")


@contextlib.contextmanager
def sibling_imports(folder: Path) -> Iterator[None]:
    """Let demos ``import`` helper modules that sit beside them, as ``python demo.py`` does.

    Afterwards the folder leaves ``sys.path`` and its modules leave ``sys.modules``, so
    two lessons may each have a helper of the same name.
    """
    sys.path.insert(0, str(folder))
    try:
        yield
    finally:
        sys.path.remove(str(folder))
        for name, module in list(sys.modules.items()):
            file = getattr(module, "__file__", None)
            if file is not None and Path(file).resolve().parent == folder.resolve():
                del sys.modules[name]


def run_lesson(
    lesson: WrittenLesson,
    quick: bool,
    out_dir: Path,
    echo: bool = True,
    on_start: Callable[[str], None] | None = None,
) -> LessonRun:
    """Run every demo of ``lesson`` into ``out_dir``; raises DemoFailed on the first failure."""
    _prepare_headless()
    out_dir.mkdir(parents=True, exist_ok=True)
    runs: list[DemoRun] = []
    with sibling_imports(lesson.folder):
        for path in demo_files(lesson):
            if on_start is not None:
                on_start(lesson.relative(path))
            runs.append(run_demo(path, lesson, quick, out_dir, echo))
    lesson_run = LessonRun(lesson.id, quick, out_dir, runs)
    (out_dir / "results.json").write_text(
        json.dumps(lesson_run.results, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return lesson_run


def regenerate(
    lesson: WrittenLesson, echo: bool = True, on_start: Callable[[str], None] | None = None
) -> LessonRun:
    """The full run, with its provenance, replacing ``outputs/`` only once it has succeeded.

    The run writes into a scratch folder beside ``outputs/``; an error or an interrupt
    leaves the committed outputs as they were and removes the scratch folder.
    """
    scratch = Path(tempfile.mkdtemp(prefix=f"rlcourse-{lesson.id}-", dir=lesson.folder))
    retired = scratch.with_name(scratch.name + "-old")
    try:
        run = run_lesson(lesson, quick=False, out_dir=scratch, echo=echo, on_start=on_start)
        write_provenance(lesson, scratch)
        scratch.chmod(0o755)  # mkdtemp makes it private; outputs are for everyone
        # Two renames, so that ``outputs/`` is never missing while the old one is deleted.
        if lesson.outputs.exists():
            lesson.outputs.rename(retired)
        scratch.rename(lesson.outputs)
    finally:
        if retired.exists() and not lesson.outputs.exists():
            retired.rename(lesson.outputs)  # stopped between the two renames
        for leftover in (scratch, retired):
            if leftover.exists():
                shutil.rmtree(leftover)
    return dataclasses.replace(run, out_dir=lesson.outputs)


def finite_numbers(value: JsonValue) -> bool:
    """True when every number inside a JSON value is finite."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(finite_numbers(v) for v in value.values())
    if isinstance(value, list):
        return all(finite_numbers(v) for v in value)
    return True
