"""Shared fixtures: a small, valid lesson in a scratch repository that tests can break."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from coursetools.lessons import WrittenLesson, lesson_dir, load_lesson
from coursetools.provenance import write_provenance
from coursetools.syllabus import find_lesson

DEMO = '''\
"""A tiny demo used by the tooling tests."""

from dataclasses import dataclass
from pathlib import Path


# --8<-- [start:config]
@dataclass(frozen=True)
class Config:
    repeats: int = 1000
    out_dir: Path = Path(__file__).parent / "outputs"
# --8<-- [end:config]


@dataclass(frozen=True)
class Result:
    total: int


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    (cfg.out_dir / "figure.png").write_bytes(b"not really a png")
    total = sum(range(cfg.repeats))
    print(f"total = {total}")
    return Result(total=total)
# --8<-- [end:main]
'''

STUB = '''\
def double(x: int) -> int:
    """Return twice x."""
    raise NotImplementedError("double x")
'''

SOLUTION = '''\
def double(x: int) -> int:
    """Return twice x."""
    return 2 * x
'''

CHECK = """\
from types import ModuleType

from coursetools.check_helpers import expect_equal, get_function


def check(module: ModuleType) -> None:
    double = get_function(module, "double")
    expect_equal(double(21), 42, "double(21)")
"""

MISTAKES = """\
[[mistake]]
name = "adds one"
why = "Adds 1 instead of doubling."
replace = "2 * x"
with = "x + 1"
expect = "double(21): expected 42"

[[mistake]]
name = "squares"
why = "Squares x."
replace = "2 * x"
with = "x * x"
expect = "got 441"

[[mistake]]
name = "returns x"
why = "Returns x unchanged."
replace = "2 * x"
with = "x"
expect = "got 21"
"""


def _post(lesson_id: str, folder: str) -> str:
    lesson = find_lesson(lesson_id)
    assert lesson is not None
    demos = "\n".join(
        f'### Demo {i}: Part {i}\n\n```python\n--8<-- "{folder}/demo_sum.py:main"\n```\n'
        for i in range(1, len(lesson.exercises) + 1)
    )
    exercises = "\n".join(
        f'### Exercise {i}: {text}\n\nWrite `double`.\n\n??? success "Solution"\n\n'
        f'    ```python\n    --8<-- "{folder}/solutions/ex{i}_double.py"\n    ```\n'
        for i, text in enumerate(lesson.exercises, start=1)
    )
    return (
        textwrap.dedent(
            f"""\
        +++
        title = "Learn Reinforcement Learning with PyTorch, Part {lesson_id}: {lesson.title}"
        author = "Artintellica"
        date = "2026-11-28"
        +++

        ## Introduction

        The sum is 499500, with $x^2$ inline maths.

        ## Mathematics

        $$
        \\sum_{{i=0}}^{{n-1}} i = \\frac{{n(n-1)}}{{2}}
        $$

        ## Explanation: How the Math Connects to Code

        ```python
        --8<-- "{folder}/demo_sum.py:config"
        ```

        ## Python Demonstrations

        """
        )
        + demos
        + "\n## Exercises\n\n"
        + exercises
        + ("\n## Conclusion\n\n![A blank placeholder figure](outputs/figure.png)\n\nNext: more.\n")
    )


SETTINGS = """\
[quick.demo_sum]
repeats = 10

[[claims]]
result = "demo_sum.total"
format = "{:d}"
"""


def make_lesson(root: Path, lesson_id: str = "1.1") -> WrittenLesson:
    lesson = find_lesson(lesson_id)
    assert lesson is not None
    folder = lesson_dir(lesson, root)
    relative = folder.relative_to(root).as_posix()
    for sub in ("exercises", "solutions", "checks", "outputs", "mistakes"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    (folder / "demo_sum.py").write_text(DEMO)
    for i in range(1, len(lesson.exercises) + 1):
        (folder / "exercises" / f"ex{i}_double.py").write_text(STUB)
        (folder / "solutions" / f"ex{i}_double.py").write_text(SOLUTION)
        (folder / "checks" / f"ex{i}_double.py").write_text(CHECK)
        (folder / "mistakes" / f"ex{i}_double.toml").write_text(MISTAKES)
    (folder / "outputs" / "figure.png").write_bytes(b"png")
    (folder / "outputs" / "results.json").write_text('{"demo_sum": {"total": 499500}}\n')
    (folder / "index.md").write_text(_post(lesson_id, relative))
    (folder / "lesson.toml").write_text(SETTINGS)
    written = load_lesson(lesson, root)
    write_provenance(written, folder / "outputs")  # as if `rlcourse regen` had made them
    return written


@pytest.fixture
def fake_lesson(tmp_path: Path) -> WrittenLesson:
    return make_lesson(tmp_path)


def rewrite(lesson: WrittenLesson, old: str, new: str, file: str = "index.md") -> WrittenLesson:
    """The lesson with ``old`` replaced by ``new`` in ``file`` (the post), reloaded."""
    path = lesson.folder / file
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))
    return load_lesson(lesson.lesson, lesson.root)
