"""``rlcourse capstone``: start a learner's own project (Part 6.5), check it against the
checklist of a project ready to share, and write its post for a blog.

A new project is a copy of ``capstone_template/``: a registered Gymnasium environment that
passes ``check_env``, a training script wired to the course's DQN, a plot script, a README
and a post to fill in, and tests. Template files end in ``.tmpl`` so that the course's own
linters leave them alone; ``__PACKAGE__``, ``__ENV_ID__``, ``__TITLE__`` and ``__DATE__`` in
them are replaced on the way out.
"""

from __future__ import annotations

import datetime
import json
import re
import shutil
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coursetools.errors import CourseError
from coursetools.post import FRONT_MATTER, HEADING, IMAGE, expand_includes
from coursetools.syllabus import course

TEMPLATE = Path(__file__).parent / "capstone_template"
SUFFIX = ".tmpl"
POST = "post.md"
RESULTS = Path("results") / "results.json"
PLOTS = "plots"
MIN_SEEDS = 3  # the course's rule for a learning claim (lesson-style.md)
MIN_EPISODES = 100
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def package_name(folder: Path) -> str:
    """A Python package name made from the folder's name: ``My Heater-2`` -> ``my_heater_2``."""
    name = re.sub(r"\W+", "_", folder.resolve().name.lower()).strip("_")
    if not name:
        return "project"
    return name if name[0].isalpha() else f"project_{name}"


def create_project(folder: Path, today: datetime.date | None = None) -> list[Path]:
    """Write a new project into ``folder`` (missing or empty); the files written, sorted."""
    if folder.exists() and not folder.is_dir():
        raise CourseError(f"{folder} is a file; give a new or empty folder for the project")
    if folder.is_dir() and any(folder.iterdir()):
        raise CourseError(f"{folder} is not empty; give a new or empty folder for the project")
    package = package_name(folder)
    words = {
        "__PACKAGE__": package,
        "__ENV_ID__": f"{package}/Project-v0",
        "__TITLE__": package.replace("_", " ").capitalize(),
        "__DATE__": (today or datetime.date.today()).isoformat(),
    }
    written: list[Path] = []
    for source in sorted(TEMPLATE.rglob(f"*{SUFFIX}")):
        relative = source.relative_to(TEMPLATE).as_posix().removesuffix(SUFFIX)
        target = folder / relative.replace("package/", f"{package}/", 1)
        text = source.read_text(encoding="utf-8")
        for placeholder, value in words.items():
            text = text.replace(placeholder, value)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return sorted(written)


@dataclass(frozen=True)
class Item:
    """One line of the checklist: what a shared project needs, and whether this one has it."""

    name: str
    passed: bool
    detail: str  # what is wrong, and how to fix it; empty when passed


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _no_todo(project: Path) -> str:
    left = [
        f"{name}:{number}"
        for name in ("README.md", POST)
        for number, line in enumerate(_read(project / name).splitlines(), start=1)
        if "TODO" in line
    ]
    return f"TODO left at {', '.join(left)}" if left else ""


def _front_matter(project: Path) -> str:
    match = FRONT_MATTER.match(_read(project / POST))
    if match is None:
        return f"{POST} must start with TOML front matter between +++ lines"
    try:
        data: dict[str, Any] = tomllib.loads(match["toml"])
    except tomllib.TOMLDecodeError as error:
        return f"{POST}: broken front matter: {error}"
    if set(data) != {"title", "author", "date"}:
        return f"{POST}: front matter needs exactly title, author and date, got {sorted(data)}"
    if not DATE.fullmatch(str(data["date"])):
        return f"{POST}: date must be written YYYY-MM-DD, got {data['date']!r}"
    return ""


def _sections(project: Path) -> str:
    wanted = list(course().sections)
    found = [
        match[2]
        for line in _read(project / POST).splitlines()
        if (match := HEADING.match(line)) and match[1] == "##"
    ]
    if found != wanted:
        return f"{POST}: the ## sections must be {wanted}, got {found}"
    return ""


def _load_results(project: Path) -> dict[str, Any] | None:
    try:
        return json.loads(_read(project / RESULTS))
    except json.JSONDecodeError:
        return None


def _results(project: Path) -> str:
    results = _load_results(project)
    if results is None:
        return f"no readable {RESULTS.as_posix()}: run `python train.py`"
    seeds, episodes = len(results.get("seeds", [])), results.get("eval_episodes", 0)
    if seeds < MIN_SEEDS or episodes < MIN_EPISODES:
        return (
            f"{RESULTS.as_posix()} has {seeds} seeds and {episodes} evaluation episodes; "
            f"a learning claim needs at least {MIN_SEEDS} seeds and {MIN_EPISODES} episodes"
        )
    return ""


def _numbers(project: Path) -> str:
    results = _load_results(project)
    if results is None:
        return f"no readable {RESULTS.as_posix()} to take the numbers from"
    post = _read(project / POST)
    missing = [
        f"{name} {row[key]:.1f}"
        for name, row in results.get("policies", {}).items()
        for key in ("mean", "standard_error")
        if f"{row[key]:.1f}" not in post
    ]
    if missing:
        return f"{POST} does not state these results (one decimal): {', '.join(missing)}"
    return ""


def _figures(project: Path) -> str:
    post = _read(project / POST)
    shown = {match["src"]: match["alt"] for match in IMAGE.finditer(post)}
    plots = sorted(path.relative_to(project).as_posix() for path in project.glob(f"{PLOTS}/*.png"))
    if not plots:
        return f"no figure in {PLOTS}/: run `python plot.py`"
    problems = [f"{plot} is not shown in {POST}" for plot in plots if plot not in shown]
    problems += [f"{src} does not exist" for src in shown if not (project / src).is_file()]
    problems += [f"{src} has no alt text" for src, alt in shown.items() if not alt.strip()]
    return "; ".join(problems)


def _license(project: Path) -> str:
    if any(project.glob("LICENSE*")):
        return ""
    return "no LICENSE file: choose one (MIT is common for code) so others may reuse the project"


def _tests(project: Path) -> str:
    found = any("def test_" in _read(path) for path in project.glob("tests/test_*.py"))
    return "" if found else "no tests in tests/test_*.py"


CHECKLIST: list[tuple[str, Callable[[Path], str]]] = [
    ("README.md and post.md are written (no TODO left)", _no_todo),
    ("post.md has the author's front matter: title, author, date", _front_matter),
    ("post.md has the course's six sections, in order", _sections),
    (f"results from at least {MIN_SEEDS} seeds and {MIN_EPISODES} evaluation episodes", _results),
    ("post.md states each result of results.json (mean and standard error)", _numbers),
    ("every plot is in post.md, with alt text", _figures),
    ("a LICENSE", _license),
    ("tests", _tests),
]


def check_project(project: Path) -> list[Item]:
    """The checklist of a project ready to share, item by item."""
    if not project.is_dir():
        raise CourseError(f"{project} is not a folder: give the project's folder")
    items: list[Item] = []
    for name, rule in CHECKLIST:
        detail = rule(project)
        items.append(Item(name, not detail, detail))
    return items


def publish(project: Path, out_dir: Path) -> Path:
    """Write the project's post as a blog publishes it: ``out_dir/index.md`` with its
    includes expanded (the same expansion as ``rlcourse export blog``) and its figures
    beside it. Refuses a project that does not pass the checklist."""
    failed = [item.name for item in check_project(project) if not item.passed]
    if failed:
        raise CourseError(
            f"{len(failed)} checklist item(s) fail; run `rlcourse capstone {project} --check`"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    body = expand_includes(_read(project / POST), project)

    def beside(match: re.Match[str]) -> str:
        source = project / match["src"]
        shutil.copyfile(source, out_dir / source.name)
        return match[0].replace(match["src"], source.name)

    path = out_dir / "index.md"
    path.write_text(IMAGE.sub(beside, body), encoding="utf-8")
    return path
