"""Checking a learner's exercise files: one process per exercise, with a time limit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from coursetools.errors import CourseError
from coursetools.lessons import WrittenLesson

DEFAULT_TIMEOUT_SECONDS = 60.0
STARTUP_SECONDS = 120.0


@dataclass(frozen=True)
class CheckOutcome:
    exercise: str
    passed: bool
    message: str


def default_workspace(lesson: WrittenLesson) -> Path:
    return Path("rlcourse-work") / lesson.id


def copy_stubs(lesson: WrittenLesson, workspace: Path, overwrite: bool = False) -> list[Path]:
    """Copy the lesson's exercise stubs into ``workspace``; never overwrite a learner's file."""
    workspace.mkdir(parents=True, exist_ok=True)
    copied: list[Path] = []
    for name in lesson.exercise_names():
        source = lesson.folder / "exercises" / f"{name}.py"
        target = workspace / source.name
        if target.exists() and not overwrite:
            continue
        shutil.copyfile(source, target)
        copied.append(target)
    return copied


def timeout_for(lesson: WrittenLesson) -> float:
    value = lesson.settings.get("check_timeout", DEFAULT_TIMEOUT_SECONDS)
    return float(value) if isinstance(value, int | float) else DEFAULT_TIMEOUT_SECONDS


def run_checks(pairs: list[tuple[Path, Path]], timeout: float) -> list[CheckOutcome]:
    """Check each (check file, learner file) pair, ``timeout`` seconds each at most.

    The checks share one worker process (so torch is imported once), which writes each
    verdict as soon as it has it. When a check runs past its time, the worker is
    stopped, that exercise is marked as timed out, and a new worker takes the rest.
    """
    outcomes: list[CheckOutcome] = []
    pending = [(check, learner.resolve()) for check, learner in pairs]
    while pending:
        learner = pending[0][1]
        if not learner.is_file():
            outcomes.append(CheckOutcome(learner.stem, False, f"{learner} is missing"))
            pending = pending[1:]
            continue
        batch: list[tuple[Path, Path]] = []
        for pair in pending:
            if not pair[1].is_file():
                break
            batch.append(pair)
        done = _run_worker(batch, timeout)
        outcomes.extend(done)
        pending = pending[len(done) :]
    return outcomes


def _read_report(report: Path) -> list[CheckOutcome]:
    if not report.is_file():
        return []
    outcomes: list[CheckOutcome] = []
    # The worker appends one line per check while this process polls the file: a last
    # line without its newline is still being written, so only complete lines count.
    for line in report.read_text(encoding="utf-8").split("\n")[:-1]:
        data = json.loads(line)
        outcomes.append(
            CheckOutcome(Path(data["learner"]).stem, bool(data["passed"]), str(data["message"]))
        )
    return outcomes


def _run_worker(batch: list[tuple[Path, Path]], timeout: float) -> list[CheckOutcome]:
    """Run ``batch`` in one worker; stop at the first exercise that exceeds ``timeout``.

    Returns one outcome per exercise it got to: all of them, or those before and
    including the one that timed out or crashed the process.
    """
    with tempfile.TemporaryDirectory(prefix="rlcourse-check-") as scratch:
        report = Path(scratch) / "report.jsonl"
        command = [sys.executable, "-m", "coursetools.check_process", str(report)]
        for check, learner in batch:
            command += [str(check.resolve()), str(learner)]
        env = {**os.environ, "MPLBACKEND": "Agg", "SDL_VIDEODRIVER": "dummy", "TQDM_DISABLE": "1"}
        with subprocess.Popen(
            command,
            cwd=scratch,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        ) as process:
            # The clock starts once the worker has imported torch (it touches .ready).
            ready = report.with_suffix(".ready")
            deadline = time.monotonic() + STARTUP_SECONDS
            seen = -1
            while True:
                finished = process.poll() is not None
                outcomes = _read_report(report)
                if len(outcomes) == len(batch):
                    return outcomes
                if (seen < 0 and ready.exists()) or 0 <= seen < len(outcomes):
                    seen = len(outcomes)
                    deadline = time.monotonic() + timeout
                current = batch[len(outcomes)][1].stem
                if finished:
                    errors = process.stderr.read() if process.stderr else ""
                    last = (errors.strip().splitlines() or ["no output"])[-1]
                    return [*outcomes, CheckOutcome(current, False, f"the check crashed ({last})")]
                if time.monotonic() > deadline:
                    process.kill()
                    process.wait()
                    outcomes = _read_report(report)
                    if len(outcomes) == len(batch):
                        return outcomes
                    current = batch[len(outcomes)][1].stem
                    message = f"timed out after {timeout:g} s: is there an endless loop?"
                    return [*outcomes, CheckOutcome(current, False, message)]
                time.sleep(0.02)


def check_workspace(
    lesson: WrittenLesson, workspace: Path, timeout: float | None = None
) -> list[CheckOutcome]:
    if not workspace.is_dir():
        raise CourseError(
            f"no workspace at {workspace}: run `rlcourse exercise {lesson.id} {workspace}` first"
        )
    limit = timeout if timeout is not None else timeout_for(lesson)
    pairs = [
        (lesson.folder / "checks" / f"{name}.py", workspace / f"{name}.py")
        for name in lesson.exercise_names()
    ]
    return run_checks(pairs, limit)


MISTAKE_KEYS = ("name", "why", "replace", "with", "expect")


@dataclass(frozen=True)
class Mistake:
    """A plausible wrong solution, kept as one substitution in the reference solution.

    ``mistakes/<exercise>.toml`` holds ``[[mistake]]`` tables with the keys of
    MISTAKE_KEYS: ``replace`` (text that occurs exactly once in the solution) becomes
    ``with``; the check must then fail with a message containing ``expect``
    (case-insensitive), which names the mistake that ``why`` describes.
    """

    exercise: str
    name: str
    why: str
    replace: str
    wrong: str
    expect: str

    def apply(self, solution: str) -> str:
        count = solution.count(self.replace)
        if count != 1:
            raise CourseError(
                f"mistakes/{self.exercise}.toml, {self.name!r}: the text to replace occurs "
                f"{count} times in solutions/{self.exercise}.py; it must occur exactly once"
            )
        return solution.replace(self.replace, self.wrong)


def load_mistakes(lesson: WrittenLesson) -> dict[str, list[Mistake]]:
    """Each exercise's mistakes from ``mistakes/*.toml`` (exercise stem -> mistakes);
    CourseError for a file that is not valid TOML or a table without the five keys."""
    found: dict[str, list[Mistake]] = {}
    for path in sorted((lesson.folder / "mistakes").glob("*.toml")):
        where = lesson.relative(path)
        try:
            tables = tomllib.loads(path.read_text(encoding="utf-8")).get("mistake", [])
        except tomllib.TOMLDecodeError as error:
            raise CourseError(f"{where}: {error}") from None
        mistakes: list[Mistake] = []
        for table in tables if isinstance(tables, list) else [tables]:
            values = table if isinstance(table, dict) else {}
            if sorted(values) != sorted(MISTAKE_KEYS) or not all(
                isinstance(value, str) and (value or key == "with") for key, value in values.items()
            ):
                raise CourseError(
                    f"{where}: each [[mistake]] needs exactly the text keys {list(MISTAKE_KEYS)}, "
                    "all but `with` not empty"
                )
            text = {key: str(value) for key, value in values.items()}
            mistakes.append(
                Mistake(
                    path.stem,
                    text["name"],
                    text["why"],
                    text["replace"],
                    text["with"],
                    text["expect"],
                )
            )
        found[path.stem] = mistakes
    return found


def check_mistakes(lesson: WrittenLesson, scratch: Path) -> list[tuple[Mistake, CheckOutcome]]:
    """Apply every mistake to a copy of its solution under ``scratch`` and check them all
    in one batch (one worker process, so torch is imported once)."""
    pairs: list[tuple[Path, Path]] = []
    applied: list[Mistake] = []
    for exercise, mistakes in load_mistakes(lesson).items():
        solution = (lesson.folder / "solutions" / f"{exercise}.py").read_text(encoding="utf-8")
        for number, mistake in enumerate(mistakes, start=1):
            learner = scratch / exercise / str(number) / f"{exercise}.py"
            learner.parent.mkdir(parents=True)
            learner.write_text(mistake.apply(solution), encoding="utf-8")
            pairs.append((lesson.folder / "checks" / f"{exercise}.py", learner))
            applied.append(mistake)
    outcomes = run_checks(pairs, timeout_for(lesson))
    return list(zip(applied, outcomes, strict=True))
