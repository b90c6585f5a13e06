"""``rlcourse new M.L``: a new lesson's files, laid out from the syllabus.

The skeleton follows the lesson contract (docs/authoring.md): the post with its front
matter and six sections, the outline's Demo and Exercise headings, ``lesson.toml``,
one demo with a frozen ``Config`` and ``main(cfg)``, and a stub, a solution and a check
per exercise. Every place the author still has to write holds the marker
:data:`TO_WRITE`, which the lint reports line by line until it is gone.
"""

from __future__ import annotations

import datetime
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from string import Template

from coursetools.errors import CourseError
from coursetools.lessons import lesson_dir
from coursetools.syllabus import Lesson, course

TO_WRITE = "TODO(author)"

# Words that name nothing in a file name made from an exercise's text.
_FILLER = {"a", "an", "and", "as", "at", "by", "e", "for", "from", "g", "in", "into", "its"}
_FILLER |= {"of", "on", "or", "the", "to", "using", "vs", "with", "your"}

DEMO = Template('''\
"""Demo 1 of Part $lesson_id.

$title

$todo: say in one line what this demo shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import tyro

from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    steps: int = 1000  # $todo: the full run's settings, each with a comment
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    steps: int  # $todo: the numbers the post states, as plain JSON values


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    seed_everything(cfg.seed)
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    # $todo: the demo's work; print what the reader should see, save figures in cfg.out_dir
    print(f"{cfg.steps} steps with seed {cfg.seed}")
    return Result(steps=cfg.steps)


# --8<-- [end:main]


if __name__ == "__main__":
    main(tyro.cli(Config))
''')

STUB = Template('''\
"""$heading of Part $lesson_id.

$text

$todo: what the learner writes and what they are given.
Fill in ``answer``, then run `rlcourse check $lesson_id`.
"""

from __future__ import annotations


def answer(x: float) -> float:
    """$todo: what to return (shapes, dtypes)."""
    raise NotImplementedError("answer")
''')

SOLUTION = Template('''\
"""$heading of Part $lesson_id, the reference solution.

$text
"""

from __future__ import annotations


def answer(x: float) -> float:
    """$todo: what to return (shapes, dtypes)."""
    return 2.0 * x  # $todo: the reference solution
''')

CHECK = Template('''\
"""Check of ${heading_lower} of Part $lesson_id."""

from __future__ import annotations

from types import ModuleType

from coursetools.check_helpers import expect_close, get_function


def check(module: ModuleType) -> None:
    answer = get_function(module, "answer")
    # $todo: compare with a reference computed here, on fixed and seeded cases, including
    # cases where the usual mistakes give different answers.
    for x in (0.0, 1.5, -2.0):
        expect_close(answer(x), 2.0 * x, f"answer({x})")
''')

SETTINGS = Template("""\
# What the course machinery needs for Part $lesson_id: quick-run values and the numbers
# the post states. The post's front matter is only what the blog publishes.

# Small values for quick runs (tests, `rlcourse run $lesson_id --quick`), one table per demo.
[quick.$demo]
steps = 10

# $todo: one [[claims]] table per number the post states, for example
# [[claims]]
# result = "$demo.steps"
# format = "{:,} steps"
""")


def file_name(text: str) -> str:
    """A short snake_case name from an exercise's words, e.g. ``two_layer_network``."""
    words = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _FILLER]
    return "_".join(words[:3]) or "task"


@dataclass(frozen=True)
class Exercise:
    heading: str  # "Exercise 2" or "Project Exercise"
    text: str  # the outline's words
    stem: str  # "ex2_…" or "project_…"


def exercises_of(lesson: Lesson) -> list[Exercise]:
    found = [
        Exercise(f"Exercise {i}", text, f"ex{i}_{file_name(text)}")
        for i, text in enumerate(lesson.exercises, start=1)
    ]
    if lesson.project:
        found.append(
            Exercise("Project Exercise", lesson.project, f"project_{file_name(lesson.project)}")
        )
    return found


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _docstring_lines(text: str) -> str:
    """``text`` wrapped to fit a listing's line length."""
    return textwrap.fill(text, width=88)


def _post(lesson: Lesson, folder: str, demo: str, today: datetime.date) -> str:
    the_course = course()
    todo = TO_WRITE
    front = (
        "+++\n"
        f"title = {_toml_string(the_course.title_prefix + lesson.id + ': ' + lesson.title)}\n"
        f"author = {_toml_string(the_course.author)}\n"
        f'date = "{today.isoformat()}"\n'
        "+++\n"
    )
    exercises = exercises_of(lesson)
    demos: list[str] = []
    for number, exercise in enumerate(exercises, start=1):
        label = "Project: " if exercise.heading == "Project Exercise" else ""
        demos.append(f"### Demo {number}: {label}{exercise.text.rstrip('.')}\n")
        demos.append(f"{todo}: a sentence of context, the code, and what its output shows.\n")
        if number == 1:
            demos.append(f'```python\n--8<-- "{folder}/{demo}.py:main"\n```\n')
    tasks: list[str] = []
    for exercise in exercises:
        tasks.append(f"### {exercise.heading}: {exercise.text}\n")
        tasks.append(
            f"{todo}: state the task precisely. The stub is `exercises/{exercise.stem}.py`.\n"
        )
        tasks.append(
            f'??? success "Solution"\n\n    ```python\n'
            f'    --8<-- "{folder}/solutions/{exercise.stem}.py"\n    ```\n'
        )
    bodies = {
        "Introduction": f"{todo}: the concrete question this part answers, and what the "
        "reader will do (In this post you will…).\n",
        "Mathematics": f"{todo}: the maths the code needs, each symbol defined where it "
        "first appears; proofs go in one collapsed Going deeper block.\n",
        "Explanation: How the Math Connects to Code": f"{todo}: a short table from formula "
        "to function to tensor shapes.\n",
        "Python Demonstrations": "\n".join(demos),
        "Exercises": "\n".join(tasks),
        "Conclusion": f"{todo}: three to five sentences, and what the next part does with "
        "this one.\n",
    }
    unknown = f"{todo}.\n"  # a section course.toml names that this skeleton does not know
    sections = [f"## {name}\n\n{bodies.get(name, unknown)}" for name in the_course.sections]
    return front + "\n" + "\n".join(sections)


def create_lesson(lesson: Lesson, root: Path, today: datetime.date | None = None) -> Path:
    """Write the skeleton of ``lesson`` in the repository at ``root``; returns its folder.

    Refuses (CourseError) when the lesson's folder already exists.
    """
    folder = lesson_dir(lesson, root)
    relative = folder.relative_to(root).as_posix()
    if folder.exists():
        raise CourseError(f"lesson {lesson.id} already exists in {relative}: edit it there")
    demo = "demo_" + lesson.slug.replace("-", "_")
    values = {
        "lesson_id": lesson.id,
        "title": _docstring_lines(lesson.title),
        "todo": TO_WRITE,
        "demo": demo,
    }
    files = {
        "index.md": _post(lesson, relative, demo, today or datetime.date.today()),
        "lesson.toml": SETTINGS.substitute(values),
        f"{demo}.py": DEMO.substitute(values),
    }
    for exercise in exercises_of(lesson):
        about = {
            **values,
            "heading": exercise.heading,
            "heading_lower": exercise.heading[0].lower() + exercise.heading[1:],
            "text": _docstring_lines(exercise.text),
        }
        files[f"exercises/{exercise.stem}.py"] = STUB.substitute(about)
        files[f"solutions/{exercise.stem}.py"] = SOLUTION.substitute(about)
        files[f"checks/{exercise.stem}.py"] = CHECK.substitute(about)
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder
