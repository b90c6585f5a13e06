"""Each lesson's quick run happens once per test session and is shared by every test
that needs it (the generic lesson tests and the lesson's own tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from coursetools.lessons import load
from coursetools.runner import LessonRun, run_lesson

QuickRun = Callable[[str], LessonRun]


@pytest.fixture(scope="session")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> QuickRun:
    """``quick_run("4.5")``: the lesson's quick run, made on first use and then reused."""
    runs: dict[str, LessonRun] = {}

    def get(lesson_id: str) -> LessonRun:
        if lesson_id not in runs:
            out = tmp_path_factory.mktemp(f"quick-{lesson_id}")
            runs[lesson_id] = run_lesson(load(lesson_id), quick=True, out_dir=out, echo=False)
        return runs[lesson_id]

    return get
