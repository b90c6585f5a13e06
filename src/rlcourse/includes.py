"""The include syntax that puts real listing files into posts.

A post includes code with pymdownx.snippets syntax, one include per line, with a path
from the repository root and an optional section::

    --8<-- "course/04-intro-rl/04-q-learning-and-sarsa/demo_taxi.py:train"

A listing marks sections with ``# --8<-- [start:train]`` and ``# --8<-- [end:train]``
lines. Section markers never reach the reader: they are dropped from whatever is
included, as MkDocs' snippets extension does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rlcourse.errors import CourseError

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
