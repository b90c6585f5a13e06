"""Each lesson's quick run happens once per test session and is shared by every test
that needs it (the generic lesson tests and the lesson's own tests).

Under pytest-xdist (`make test` runs `pytest -n auto --dist loadgroup`) every worker has
its own session, so the tests that share a lesson's quick run are put in one group, named
after the lesson: one worker runs them all, and each quick run still happens once.
"""

from __future__ import annotations

import re
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


LESSON_MODULE = re.compile(r"test_lesson_(\d+)_(\d+)$")


def _group(item: pytest.Item) -> str | None:
    """The lesson whose quick run (or module fixtures) a test shares, if any."""
    module = getattr(item, "module", None)
    match = LESSON_MODULE.search(module.__name__) if module is not None else None
    if match:  # a lesson's own tests share its module-scoped fixtures too
        return f"lesson-{match[1]}.{match[2]}"
    if isinstance(item, pytest.Function) and "quick_run" in item.fixturenames:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "lesson" in callspec.params:
            return f"lesson-{callspec.params['lesson']}"
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        group = _group(item)
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))
