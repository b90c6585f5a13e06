"""The syntax of a post, in one place: front matter, includes, collapsible blocks,
fences, headings, figures, and the Markdown extensions that render it.

The lint, the site, both exports and ``rlcourse show`` read posts through this
module only.

A post includes code with pymdownx.snippets syntax, one include per line, with a path
from the repository root and an optional section::

    --8<-- "course/04-intro-rl/04-q-learning-and-sarsa/demo_taxi.py:train"

A listing marks sections with ``# --8<-- [start:train]`` and ``# --8<-- [end:train]``
lines. Section markers never reach the reader: they are dropped from whatever is
included, as MkDocs' snippets extension does.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coursetools.errors import CourseError

FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\n(?P<toml>.*?)\n\+\+\+[ \t]*\n", re.DOTALL)
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>`{3,}|~{3,})(?P<info>[^`]*)$")
HEADING = re.compile(r"^(#{1,6}) (.+?)\s*$")
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)")
COLLAPSIBLE = re.compile(r'^(?P<indent>[ \t]*)\?\?\?\+? *[\w-]+(?: +"(?P<title>[^"]*)")?\s*$')

INCLUDE_LINE = re.compile(r'^(?P<indent>[ \t]*)--8<-- "(?P<target>[^"]+)"[ \t]*$')
SECTION_MARKER = re.compile(
    r"^[ \t]*#[ \t]*--8<--[ \t]*\[(?P<kind>start|end):(?P<name>[\w-]+)\][ \t]*$"
)


@dataclass(frozen=True)
class Include:
    """One include line of a post: which file, which section (``None``: whole file)."""

    path: str
    section: str | None
    line_number: int
    indent: str


def parse_include(line: str, line_number: int = 0) -> Include | None:
    match = INCLUDE_LINE.match(line)
    if match is None:
        return None
    target = match["target"]
    path, _, section = target.partition(":")
    return Include(path, section or None, line_number, match["indent"])


def find_includes(markdown: str) -> list[Include]:
    found: list[Include] = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        include = parse_include(line, number)
        if include is not None:
            found.append(include)
    return found


def sections_of(text: str) -> dict[str, str]:
    """Every marked section of a listing, by name, with nested markers removed."""
    open_sections: dict[str, list[str]] = {}
    done: dict[str, str] = {}
    for line in text.splitlines():
        marker = SECTION_MARKER.match(line)
        if marker is not None:
            name = marker["name"]
            if marker["kind"] == "start":
                open_sections[name] = []
            elif name in open_sections:
                done[name] = "\n".join(open_sections.pop(name))
            continue
        for lines in open_sections.values():
            lines.append(line)
    return done


def strip_markers(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not SECTION_MARKER.match(line))


def read_include(include: Include, root: Path) -> str:
    """The text an include stands for, markers removed, without a trailing newline."""
    file = root / include.path
    if not file.is_file():
        raise CourseError(f"include of missing file {include.path!r}")
    text = file.read_text(encoding="utf-8")
    if include.section is None:
        return strip_markers(text).rstrip("\n")
    sections = sections_of(text)
    if include.section not in sections:
        raise CourseError(f"{include.path} has no section {include.section!r}")
    return sections[include.section].rstrip("\n")


def expand_includes(markdown: str, root: Path) -> str:
    """The post with every include line replaced by the text it includes, indented alike."""
    out: list[str] = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        include = parse_include(line, number)
        if include is None:
            out.append(line)
            continue
        for included in read_include(include, root).splitlines():
            out.append(include.indent + included if included else "")
    return "\n".join(out) + "\n"


def split_front_matter(text: str, where: str) -> tuple[dict[str, Any], str, str]:
    """The parsed ``+++`` TOML front matter, its text with the fences, and the body.

    A CourseError names ``where`` if the front matter is missing or broken.
    """
    match = FRONT_MATTER.match(text)
    if match is None:
        raise CourseError(f"{where}: the post must start with TOML front matter between +++ lines")
    try:
        data = tomllib.loads(match["toml"])
    except tomllib.TOMLDecodeError as error:
        raise CourseError(f"{where}: broken front matter: {error}") from None
    return data, match[0], text[match.end() :]


@dataclass(frozen=True)
class Fence:
    language: str
    start_line: int
    lines: list[str]
    indent: str


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int


def scan(body: str) -> tuple[list[Heading], list[Fence]]:
    """Headings outside code fences, and every fenced block with its language.

    A fence left open is returned with the language ``"unclosed"``.
    """
    headings: list[Heading] = []
    fences: list[Fence] = []
    lines = body.splitlines()
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if opening is None:
            if match := HEADING.match(lines[index]):
                headings.append(Heading(len(match[1]), match[2], index + 1))
            index += 1
            continue
        end = fence_end(lines, index)
        info = opening["info"].strip()
        language = info.split()[0] if info else ""
        if end is None:
            fences.append(Fence("unclosed", index + 1, lines[index + 1 :], opening["indent"]))
            break
        fences.append(Fence(language, index + 1, lines[index + 1 : end], opening["indent"]))
        index = end + 1
    return headings, fences


def fence_end(lines: list[str], start: int) -> int | None:
    """The index of the line that closes the fence opened at ``lines[start]``."""
    opening = FENCE.match(lines[start])
    assert opening is not None
    for index in range(start + 1, len(lines)):
        closing = FENCE.match(lines[index])
        if closing and closing["mark"].startswith(opening["mark"]) and not closing["info"].strip():
            return index
    return None


def rewrite_collapsibles(
    markdown_text: str, opening: Callable[[str, str], list[str]], closing: list[str]
) -> str:
    """Each ``??? kind "Title"`` block's body dedented, between ``opening`` and ``closing``.

    ``opening(indent, title)`` gives the lines that replace the ``???`` line; the lines
    of ``closing`` (indented alike) follow the body. The site renders these blocks
    with pymdownx.details; the exports and ``show`` use this.
    """
    out: list[str] = []
    open_indent: str | None = None

    def close() -> None:
        assert open_indent is not None
        while out and not out[-1].strip():
            out.pop()
        out.extend(open_indent + line if line else "" for line in closing)

    for line in markdown_text.splitlines():
        if open_indent is not None:
            if not line.strip():
                out.append("")
                continue
            if line.startswith(open_indent + "    "):
                out.append(open_indent + line[len(open_indent) + 4 :])
                continue
            close()
            open_indent = None
        match = COLLAPSIBLE.match(line)
        if match is not None:
            indent: str = match["indent"]
            out += opening(indent, match["title"] or "Details")
            open_indent = indent
            continue
        out.append(line)
    if open_indent is not None:
        close()
    return "\n".join(out) + "\n"


def details_html(markdown_text: str) -> str:
    """Collapsible blocks as HTML ``<details>`` (the blog and notebook exports)."""
    return rewrite_collapsibles(
        markdown_text,
        lambda indent, title: [f"{indent}<details>", f"{indent}<summary>{title}</summary>"],
        ["", "</details>", ""],
    )


def bold_titles(markdown_text: str) -> str:
    """Collapsible blocks as a bold title followed by their body (the terminal)."""
    return rewrite_collapsibles(markdown_text, lambda indent, title: [f"{indent}**{title}**"], [""])


# The Markdown extensions the site renders posts with; the lint renders with the same
# ones (minus those that need the site: highlighting, snippets, permalinks).
MARKDOWN_EXTENSIONS: list[str | dict[str, Any]] = [
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    "pymdownx.details",
    "pymdownx.superfences",
    {"pymdownx.arithmatex": {"generic": True}},
]


def code_note(lesson_id: str, repository: str, notation_href: str) -> str:
    """The paragraph every published post carries once: where its code is, how to get it.

    It is made from the course data, not written into each post, so the repository
    address lives in one place (course/course.toml).
    """
    return (
        f"> **Run the code of Part {lesson_id}.** Every listing in this post is a file of the\n"
        f"> course repository, tested as shown. Get it with `git clone {repository}`, then in\n"
        f"> the clone run `make lesson LESSON={lesson_id}` (it installs the course into `.venv`\n"
        f"> and runs this part's demos) and `rlcourse exercise {lesson_id}` for the exercises.\n"
        f"> Symbols follow the course's [notation page]({notation_href}).\n"
    )


def with_code_note(body: str, note: str) -> str:
    """``body`` with ``note`` at the end of its Introduction (before the second section)."""
    lines = body.splitlines(keepends=True)
    headings, _ = scan(body)
    sections = [h for h in headings if h.level == 2]
    at = sections[1].line - 1 if len(sections) > 1 else len(lines)
    return "".join(lines[:at]) + note + "\n" + "".join(lines[at:])
