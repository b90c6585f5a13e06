"""The size of a post as a blog reader scrolls through it, and the course's budget for it.

A post is measured on its blog export (:func:`coursetools.export.export_blog_post`):
the front matter the blog publishes, the words of open prose, and the lines of open
code and printed output. Collapsed blocks a reader opens only if curious do not count:
every ``??? success "Solution"``, one ``??? note "Going deeper"`` per post, and blocks
that hold nothing but code (a full listing behind a shown excerpt). Any other
collapsed block counts as open, so prose cannot hide from the budget by being folded.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from coursetools.errors import CourseError
from coursetools.export import export_blog_post
from coursetools.lessons import WrittenLesson
from coursetools.post import (
    FENCE,
    FRONT_MATTER,
    details_html,
    fence_end,
    parse_include,
    read_include,
)

MAX_WORDS = 3000
MAX_CODE_LINES = 400
MAX_DEMO_CORE_LINES = 60
MAX_FRONT_MATTER_LINES = 10

SOLUTION = "Solution"
GOING_DEEPER = "Going deeper"
SUMMARY = re.compile(r"^\s*<summary>(?P<title>.*)</summary>\s*$")
HTML_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class PostSize:
    lesson_id: str
    front_matter_lines: int  # with the two +++ lines, as the blog publishes them
    words: int  # whitespace-separated words of open prose (headings included)
    code_lines: int  # lines inside open code fences: listings and printed output
    demo_cores: dict[str, int]  # demo listing's file name -> lines it adds to open code

    @property
    def largest_core(self) -> tuple[str, int]:
        """The demo listing that shows the most lines (``("", 0)`` when none is shown)."""
        return max(self.demo_cores.items(), key=lambda item: item[1], default=("", 0))


@dataclass(frozen=True)
class Overrun:
    limit: str  # "front matter", "words", "code" or "demo core"
    message: str


def _fence_ends(lines: list[str]) -> dict[int, int]:
    """``{opening line index: closing line index}`` of every fenced block."""
    ends: dict[int, int] = {}
    index = 0
    while index < len(lines):
        if FENCE.match(lines[index]):
            end = fence_end(lines, index)
            ends[index] = len(lines) - 1 if end is None else end
            index = ends[index]
        index += 1
    return ends


def _is_prose(line: str) -> bool:
    return bool(HTML_TAG.sub("", line).strip())


def hidden_lines(lines: list[str]) -> set[int]:
    """Indices of the lines a reader does not scroll: inside collapsed blocks that are free.

    ``lines`` are Markdown whose collapsed blocks are HTML ``<details>`` elements (as
    :func:`coursetools.post.details_html` writes them), with or without includes expanded.
    """
    ends = _fence_ends(lines)
    blocks: list[tuple[int, int]] = []
    opened: list[int] = []
    index = 0
    while index < len(lines):
        if index in ends:
            index = ends[index] + 1
            continue
        text = lines[index].strip()
        if text == "<details>":
            opened.append(index)
        elif text == "</details>" and opened:
            blocks.append((opened.pop(), index))
        index += 1
    hidden: set[int] = set()
    deeper_used = False
    for start, end in sorted(blocks):
        if start in hidden:
            continue  # nested in a block already free
        summary = SUMMARY.match(lines[start + 1]) if start + 1 < end else None
        title = summary["title"].strip() if summary else ""
        inside = range(start + 2 if summary else start + 1, end)
        in_code = {
            i
            for opening in ends
            if start < opening < end
            for i in range(opening, ends[opening] + 1)
        }
        code_only = not any(_is_prose(lines[i]) for i in inside if i not in in_code)
        free = title == SOLUTION or code_only or (title == GOING_DEEPER and not deeper_used)
        deeper_used = deeper_used or (title == GOING_DEEPER and free and not code_only)
        if free:
            hidden.update(range(start, end + 1))
    return hidden


def _open_text(lines: list[str]) -> tuple[list[str], list[list[str]]]:
    """The open prose lines and the open fenced blocks (their inner lines) of ``lines``."""
    hidden = hidden_lines(lines)
    ends = _fence_ends(lines)
    prose: list[str] = []
    fences: list[list[str]] = []
    index = 0
    while index < len(lines):
        if index in ends:
            if index not in hidden:
                fences.append(lines[index + 1 : ends[index]])
            index = ends[index] + 1
            continue
        if index not in hidden:
            prose.append(lines[index])
        index += 1
    return prose, fences


def demo_cores(lesson: WrittenLesson) -> dict[str, int]:
    """Lines each ``demo_*.py`` of the lesson adds to open code blocks, by file name."""
    _, fences = _open_text(details_html(lesson.body).splitlines())
    cores: dict[str, int] = {}
    for fence in fences:
        for line in fence:
            include = parse_include(line)
            if include is None:
                continue
            path = (lesson.root / include.path).resolve()
            if path.parent == lesson.folder.resolve() and path.name.startswith("demo_"):
                shown = len(read_include(include, lesson.root).splitlines())
                cores[path.name] = cores.get(path.name, 0) + shown
    return cores


def measure(lesson: WrittenLesson) -> PostSize:
    """The post's size as its blog export shows it.

    Raises CourseError when the post cannot be exported (a broken include, a missing
    figure); the lint reports those through its own rules.
    """
    with tempfile.TemporaryDirectory(prefix="rlcourse-budget-") as scratch:
        try:
            exported = export_blog_post(lesson, Path(scratch)).path.read_text(encoding="utf-8")
        except OSError as error:
            raise CourseError(f"part {lesson.id} cannot be exported: {error}") from None
    front = FRONT_MATTER.match(exported)
    front_text = front[0] if front else ""
    prose, fences = _open_text(exported[len(front_text) :].splitlines())
    return PostSize(
        lesson_id=lesson.id,
        front_matter_lines=front_text.count("\n"),
        words=sum(len(HTML_TAG.sub(" ", line).split()) for line in prose),
        code_lines=sum(len(fence) for fence in fences),
        demo_cores=demo_cores(lesson),
    )


def overruns(size: PostSize) -> list[Overrun]:
    """One entry per limit the post exceeds, with the measured number."""
    found: list[Overrun] = []
    if size.front_matter_lines > MAX_FRONT_MATTER_LINES:
        found.append(
            Overrun(
                "front matter",
                f"budget: front matter of {size.front_matter_lines} lines, at most "
                f"{MAX_FRONT_MATTER_LINES} (the blog publishes it; quick values and claims go "
                "in lesson.toml)",
            )
        )
    if size.words > MAX_WORDS:
        found.append(
            Overrun(
                "words",
                f"budget: {size.words:,} words of open prose, at most {MAX_WORDS:,} (proofs and "
                'side results go in one collapsed ??? note "Going deeper" block)',
            )
        )
    if size.code_lines > MAX_CODE_LINES:
        found.append(
            Overrun(
                "code",
                f"budget: {size.code_lines:,} lines of open code and output, at most "
                f"{MAX_CODE_LINES} (show the sections that teach; collapse full listings)",
            )
        )
    for name, lines in sorted(size.demo_cores.items()):
        if lines > MAX_DEMO_CORE_LINES:
            found.append(
                Overrun(
                    "demo core",
                    f"budget: {name} shows {lines} lines, at most {MAX_DEMO_CORE_LINES} per demo "
                    "(the algorithm, not the Result, printing and plotting plumbing)",
                )
            )
    return found
