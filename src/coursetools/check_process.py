"""Runs exercise checks in a process of their own (``python -m coursetools.check_process``).

Usage: ``python -m coursetools.check_process REPORT CHECK LEARNER [CHECK LEARNER …]``.
The worker touches ``REPORT.ready`` once its imports are done, and appends each
verdict to REPORT (JSON lines) as soon as it is known: whatever the learner's code
prints cannot garble it, and the parent can tell which exercise was running when the
worker stopped answering (an endless loop), and start again after it.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path

from coursetools.check_helpers import CheckFailed
from coursetools.file_import import import_file


def _where_in(error: BaseException, learner_file: Path) -> str | None:
    """``file:line (in function)`` of the deepest frame in the learner's file, if any
    (``file:line`` for code that runs at import)."""
    found: str | None = None
    for frame in traceback.extract_tb(error.__traceback__):
        if Path(frame.filename).resolve() == learner_file.resolve():
            function = "" if frame.name == "<module>" else f" (in {frame.name})"
            found = f"{learner_file.name}:{frame.lineno}{function}"
    if found is None and isinstance(error, SyntaxError) and error.lineno is not None:
        found = f"{learner_file.name}:{error.lineno}"
    return found


def _exit_call(stop: SystemExit) -> str:
    return "sys.exit()" if stop.code is None else f"sys.exit({stop.code!r})"


def _describe(error: BaseException, learner_file: Path) -> str:
    where = _where_in(error, learner_file)
    if isinstance(error, SystemExit):
        return f"your code called {_exit_call(error)}" + (f" at {where}" if where else "")
    if isinstance(error, NotImplementedError):
        detail = f": {error}" if str(error) else ""
        return f"not implemented yet{detail}" + (f" at {where}" if where else "")
    message = f"your code raised {type(error).__name__}: {error}"
    return message + (f" at {where}" if where else "")


def _unfinished(failure: CheckFailed) -> NotImplementedError | None:
    """The stub's NotImplementedError, if the check caught it on the way to ``failure``.

    NotImplementedError is a subclass of RuntimeError, the error PyTorch raises for bad
    shapes, so a check that turns RuntimeError into advice ("make it a column") would
    otherwise answer an untouched stub with advice about a mistake it did not make.
    """
    context = failure.__context__  # kept even by ``raise CheckFailed(...) from None``
    while context is not None:
        if isinstance(context, NotImplementedError):
            return context
        context = context.__context__
    return None


def verdict(check_file: Path, learner_file: Path) -> tuple[bool, str]:
    # SystemExit is caught too: a learner's sys.exit() would otherwise end this worker
    # silently, and the learner would read "the check crashed" instead of what happened.
    try:
        learner = import_file(learner_file, f"learner_{learner_file.stem}")
    except SystemExit as stop:
        where = _where_in(stop, learner_file)
        at = f" at {where}" if where else ""
        return False, f"your file called {_exit_call(stop)}{at} while being imported"
    except Exception as error:
        return False, "importing your file failed: " + _describe(error, learner_file)
    check = import_file(check_file, f"check_{check_file.stem}")
    try:
        check.check(learner)
    except CheckFailed as failure:
        unfinished = _unfinished(failure)
        if unfinished is not None:
            return False, _describe(unfinished, learner_file)
        return False, str(failure)
    except (Exception, SystemExit) as error:
        return False, _describe(error, learner_file)
    return True, "passed"


def main() -> None:
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    report = Path(sys.argv[1])
    pairs = sys.argv[2:]
    # Heavy imports (torch, numpy) are done by now: the parent starts its clock.
    report.with_suffix(".ready").touch()
    for check_file, learner_file in zip(pairs[::2], pairs[1::2], strict=True):
        passed, message = verdict(Path(check_file), Path(learner_file))
        line = json.dumps({"learner": learner_file, "passed": passed, "message": message})
        with report.open("a", encoding="utf-8") as out:
            out.write(line + "\n")


if __name__ == "__main__":
    main()
