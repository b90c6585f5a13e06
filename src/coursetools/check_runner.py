"""Checking a learner's exercise files: one process per exercise, with a time limit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
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
    for line in report.read_text(encoding="utf-8").splitlines():
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
