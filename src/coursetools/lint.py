"""The lesson lint: the post's format, its includes, its exercises and its maths.

Every rule here is one a reader would notice when broken: a missing section, a code
block that is not a real file, an exercise without a check, a ``$`` that did not
turn into maths.
"""

from __future__ import annotations

import datetime
import json
import re
from html.parser import HTMLParser
from typing import Any

import markdown

from coursetools.budget import measure, overruns
from coursetools.check_runner import load_mistakes
from coursetools.errors import CourseError
from coursetools.lessons import WrittenLesson
from coursetools.post import (
    IMAGE,
    MARKDOWN_EXTENSIONS,
    Fence,
    Heading,
    expand_includes,
    find_includes,
    read_include,
    scan,
)
from coursetools.provenance import staleness
from coursetools.skeleton import TO_WRITE
from coursetools.syllabus import course

FRONT_MATTER_KEYS = {"title", "author", "date", "extra"}
MIN_MISTAKES = 3
DEMO_HEADING = re.compile(r"^Demo (?P<number>\d+): \S")
# Posts show code from the lesson folders and the readers' library, never the tooling.
INCLUDABLE = ("course/", "src/rlcourse/")


def _same_title(written: str, outline: str) -> bool:
    def normal(text: str) -> str:
        return re.sub(r"\s+", " ", text.replace("—", ": ").replace(" : ", ": ")).strip()

    return normal(written) == normal(outline)


def lint_front_matter(lesson: WrittenLesson) -> list[str]:
    problems: list[str] = []
    the_course = course()
    fm = lesson.front_matter
    extra_keys = sorted(set(fm) - FRONT_MATTER_KEYS)
    if extra_keys:
        problems.append(f"front matter: unexpected keys {extra_keys} (title, author, date)")
    title = fm.get("title")
    prefix = f"{the_course.title_prefix}{lesson.id}: "
    if not isinstance(title, str) or not title.startswith(prefix):
        problems.append(f"front matter: title must start with {prefix!r}")
    elif not _same_title(title.removeprefix(prefix), lesson.lesson.title):
        problems.append(
            f"front matter: title {title.removeprefix(prefix)!r} is not the outline's "
            f"{lesson.lesson.title!r}"
        )
    if fm.get("author") != the_course.author:
        problems.append(f"front matter: author must be {the_course.author!r}")
    date = fm.get("date")
    try:
        if not isinstance(date, str):
            raise ValueError
        datetime.date.fromisoformat(date)
    except ValueError:
        problems.append('front matter: date must be a quoted "YYYY-MM-DD" string')
    return problems


def lint_structure(lesson: WrittenLesson, headings: list[Heading]) -> list[str]:
    problems: list[str] = []
    sections = [h.text for h in headings if h.level == 2]
    expected = course().sections
    if tuple(sections) != expected:
        problems.append(f"sections: expected {list(expected)}, found {sections}")
    if any(h.level == 1 for h in headings):
        problems.append(
            "sections: no # heading in the body (the title comes from the front matter)"
        )
    outline = list(lesson.lesson.exercises)
    expected_demos = lesson.lesson.exercise_count
    current = ""
    demos: list[str] = []
    exercises: list[Heading] = []
    for heading in headings:
        if heading.level == 2:
            current = heading.text
        elif heading.level == 3 and current == "Python Demonstrations":
            demos.append(heading.text)
        elif heading.level == 3 and current == "Exercises":
            exercises.append(heading)
    numbers = [int(m["number"]) for d in demos if (m := DEMO_HEADING.match(d))]
    if len(numbers) != len(demos) or numbers != list(range(1, expected_demos + 1)):
        problems.append(
            f"demos: expected '### Demo 1: …' to '### Demo {expected_demos}: …', found {demos}"
        )
    wanted = [f"Exercise {i}: {text}" for i, text in enumerate(outline, start=1)]
    if lesson.lesson.project:
        wanted.append(f"Project Exercise: {lesson.lesson.project}")
    found = [h.text for h in exercises]
    if len(found) != len(wanted) or not all(map(_same_title, found, wanted)):
        for want, got in zip(wanted, found + [""] * len(wanted), strict=False):
            if not _same_title(got, want):
                problems.append(f"exercises: expected heading '### {want}', found '### {got}'")
        if len(found) > len(wanted):
            problems.append(f"exercises: unexpected headings {found[len(wanted) :]}")
    return problems


def lint_code(lesson: WrittenLesson, fences: list[Fence]) -> list[str]:
    problems: list[str] = []
    for fence in fences:
        if fence.language == "unclosed":
            problems.append(f"index.md:{fence.start_line}: code fence never closed")
            continue
        lines = [line for line in fence.lines if line.strip()]
        if fence.language == "python":
            included = find_includes("\n".join(lines))
            if len(lines) != 1 or len(included) != 1:
                problems.append(
                    f"index.md:{fence.start_line}: a python block must hold exactly one "
                    '--8<-- "path:section" include, not code typed into the post'
                )
    for include in find_includes(lesson.body):
        if not include.path.startswith(INCLUDABLE):
            problems.append(
                f"index.md:{include.line_number}: {include.path} is not in course/ or the "
                "readers' library src/rlcourse/: a post shows only what a learner uses"
            )
        try:
            read_include(include, lesson.root)
        except CourseError as error:
            problems.append(f"index.md:{include.line_number}: {error}")
    included_paths = {(lesson.root / i.path).resolve() for i in find_includes(lesson.body)}
    listings = sorted(lesson.folder.glob("demo_*.py")) + sorted(
        (lesson.folder / "solutions").glob("*.py")
    )
    for listing in listings:
        if listing.resolve() not in included_paths:
            problems.append(f"{lesson.relative(listing)} is not included by the post")
    return problems


def lint_exercises(lesson: WrittenLesson) -> list[str]:
    problems: list[str] = []
    folders = {name: lesson.folder / name for name in ("exercises", "solutions", "checks")}
    stems = {name: {p.stem for p in folder.glob("*.py")} for name, folder in folders.items()}
    expected = lesson.lesson.exercise_count
    names = stems["exercises"]
    numbered = sorted(n for n in names if re.match(r"ex\d+_", n))
    wanted_prefixes = [f"ex{i}_" for i in range(1, len(lesson.lesson.exercises) + 1)]
    if [n.split("_")[0] + "_" for n in numbered] != wanted_prefixes:
        problems.append(f"exercises/: expected files {[p + '….py' for p in wanted_prefixes]}")
    if lesson.lesson.project and not any(n.startswith("project_") for n in names):
        problems.append("exercises/: the Project Exercise needs a project_….py stub")
    if len(names) != expected:
        problems.append(f"exercises/: expected {expected} stubs, found {len(names)}")
    for other in ("solutions", "checks"):
        if stems[other] != names:
            problems.append(
                f"{other}/ must hold the same files as exercises/: "
                f"missing {sorted(names - stems[other])}, extra {sorted(stems[other] - names)}"
            )
    return problems


def lint_mistakes(lesson: WrittenLesson) -> list[str]:
    """Each exercise ships at least MIN_MISTAKES wrong solutions its check must reject."""
    try:
        mistakes = load_mistakes(lesson)
    except CourseError as error:
        return [str(error)]
    problems: list[str] = []
    for name in lesson.exercise_names():
        count = len(mistakes.get(name, []))
        if count < MIN_MISTAKES:
            problems.append(
                f"mistakes/{name}.toml: {count} mistakes, at least {MIN_MISTAKES} (plausible "
                "wrong solutions, each a [[mistake]] its check must reject)"
            )
    for name in sorted(set(mistakes) - set(lesson.exercise_names())):
        problems.append(f"mistakes/{name}.toml: there is no exercise {name}.py")
    return problems


def lint_figures(lesson: WrittenLesson) -> list[str]:
    problems: list[str] = []
    for match in IMAGE.finditer(lesson.body):
        source = match["src"]
        if "://" in source:
            problems.append(f"figure {source}: figures must be files of the lesson, not links")
        elif not (lesson.folder / source).is_file():
            problems.append(f"figure {source} does not exist (run `rlcourse regen {lesson.id}`)")
    return problems


def lint_alt_text(lesson: WrittenLesson) -> list[str]:
    """A figure's alt text says what it shows: a screen reader reads it instead of the image.

    Empty alt text, or a file name (``loss.png``, or ``loss curve`` for ``loss_curve.png``),
    tells a reader who cannot see the figure nothing.
    """

    def words(text: str) -> str:
        return " ".join(re.split(r"[\s_-]+", text.lower())).strip()

    problems: list[str] = []
    for match in IMAGE.finditer(lesson.body):
        alt, source = match["alt"].strip(), match["src"]
        stem = source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if not alt:
            problems.append(f"figure {source}: empty alt text; say what the figure shows")
        elif alt.lower().endswith((".png", ".gif", ".svg", ".jpg", ".jpeg", ".webp")):
            problems.append(f"figure {source}: alt text {alt!r} is a file name")
        elif words(alt) == words(stem):
            problems.append(f"figure {source}: alt text {alt!r} only repeats the file name")
    return problems


def results_of(lesson: WrittenLesson) -> dict[str, Any]:
    path = lesson.outputs / "results.json"
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def lookup(results: dict[str, Any], dotted: str) -> Any:
    value: Any = results
    for part in dotted.split("."):
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            raise KeyError(dotted)
    return value


def lint_claims(lesson: WrittenLesson) -> list[str]:
    """Each ``[[claims]]`` number (lesson.toml), formatted from results.json, is in the prose."""
    problems: list[str] = []
    claims = lesson.settings.get("claims", [])
    if not isinstance(claims, list):
        return ["lesson.toml: [[claims]] must be an array of tables"]
    results = results_of(lesson)
    for claim in claims:
        if not isinstance(claim, dict) or not isinstance(claim.get("result"), str):
            problems.append(f'claim {claim!r}: needs result = "demo.field" and format')
            continue
        fmt = str(claim.get("format", "{}"))
        try:
            text = fmt.format(lookup(results, claim["result"]))
        except (KeyError, ValueError, IndexError):
            problems.append(f"claim {claim['result']}: not in outputs/results.json")
            continue
        if text not in lesson.body:
            problems.append(f"claim {claim['result']}: the post does not state {text!r}")
    return problems


class _VisibleText(HTMLParser):
    """Collects rendered text outside code and outside arithmatex maths."""

    def __init__(self) -> None:
        super().__init__()
        self.skip_depth = 0
        self.stack: list[bool] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "img", "hr", "input", "meta", "link"}:
            return
        classes = dict(attrs).get("class") or ""
        skipped = tag in {"code", "pre", "script", "style"} or "arithmatex" in classes.split()
        self.stack.append(skipped)
        self.skip_depth += skipped

    def handle_endtag(self, tag: str) -> None:
        if tag in {"br", "img", "hr", "input", "meta", "link"} or not self.stack:
            return
        self.skip_depth -= self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.skip_depth == 0:
            self.text.append(data)


LITERAL_DOLLAR = "\u2060LITERALDOLLAR\u2060"


def render_html(markdown_text: str) -> str:
    """The post body as HTML, through the same extensions as the site."""
    names = [e if isinstance(e, str) else next(iter(e)) for e in MARKDOWN_EXTENSIONS]
    configs = {k: v for e in MARKDOWN_EXTENSIONS if isinstance(e, dict) for k, v in e.items()}
    renderer = markdown.Markdown(extensions=names, extension_configs=configs)
    return renderer.convert(markdown_text)


def lint_maths(lesson: WrittenLesson) -> list[str]:
    """After rendering, no ``$`` may be left outside maths and code (``\\$`` is a real dollar)."""
    try:
        expanded = expand_includes(lesson.body, lesson.root)
    except CourseError:
        return []  # lint_code reports the broken include
    html = render_html(expanded.replace("\\$", LITERAL_DOLLAR))
    parser = _VisibleText()
    parser.feed(html)
    problems: list[str] = []
    for line in "".join(parser.text).splitlines():
        if "$" in line or "\\(" in line or "\\[" in line:
            snippet = line.strip().replace(LITERAL_DOLLAR, "\\$")
            problems.append(f"maths: stray $ or unrendered maths in: {snippet[:120]!r}")
    return problems


def lint_still_to_write(lesson: WrittenLesson) -> list[str]:
    """Each line that still holds the ``rlcourse new`` marker: what is left to write."""
    files = [lesson.post, lesson.folder / "lesson.toml", *sorted(lesson.folder.glob("*.py"))]
    for part in ("exercises", "solutions", "checks"):
        files += sorted((lesson.folder / part).glob("*.py"))
    problems: list[str] = []
    for path in files:
        if not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if TO_WRITE in line:
                what = line.split(TO_WRITE, 1)[1].lstrip(": ").strip().removesuffix('"""')
                where = path.relative_to(lesson.folder).as_posix()
                problems.append(f"{where}:{number}: still to write: {what}")
    return problems


def lint_budget(lesson: WrittenLesson) -> list[str]:
    """The post's size against the budget (coursetools.budget), one problem per limit."""
    try:
        size = measure(lesson)
    except CourseError:
        return []  # a broken include or a missing figure: lint_code and lint_figures say so
    return [overrun.message for overrun in overruns(size)]


def lint_lesson(lesson: WrittenLesson) -> list[str]:
    headings, fences = scan(lesson.body)
    return (
        lint_front_matter(lesson)
        + lint_structure(lesson, headings)
        + lint_code(lesson, fences)
        + lint_exercises(lesson)
        + lint_mistakes(lesson)
        + lint_figures(lesson)
        + lint_alt_text(lesson)
        + lint_claims(lesson)
        + lint_maths(lesson)
        + lint_budget(lesson)
        + staleness(lesson)
        + lint_still_to_write(lesson)
    )
