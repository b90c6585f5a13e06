"""A post as a learner reads it in the terminal: includes expanded, rendered by rich."""

from __future__ import annotations

import re

from rich.console import Console
from rich.markdown import Markdown

from rlcourse.includes import expand_includes
from rlcourse.lessons import WrittenLesson

COLLAPSIBLE = re.compile(r'^(?P<indent>[ \t]*)\?\?\?\+? *[\w-]+(?: +"(?P<title>[^"]*)")?\s*$')


def unfold_collapsibles(markdown_text: str) -> str:
    """Turn ``??? kind "Title"`` blocks into a bold title followed by their dedented body."""
    out: list[str] = []
    body_indent: str | None = None
    for line in markdown_text.splitlines():
        if body_indent is not None:
            if not line.strip():
                out.append("")
                continue
            if line.startswith(body_indent + "    "):
                out.append(body_indent + line[len(body_indent) + 4 :])
                continue
            body_indent = None
        match = COLLAPSIBLE.match(line)
        if match is not None:
            out.append(f"{match['indent']}**{match['title'] or 'Details'}**")
            body_indent = match["indent"]
            continue
        out.append(line)
    return "\n".join(out) + "\n"


def terminal_markdown(lesson: WrittenLesson) -> str:
    title = str(lesson.front_matter.get("title", lesson.lesson.title))
    body = unfold_collapsibles(expand_includes(lesson.body, lesson.root))
    return f"# {title}\n\n{body}"


def show(lesson: WrittenLesson, console: Console | None = None) -> None:
    out = console or Console()
    out.print(Markdown(terminal_markdown(lesson), code_theme="monokai"))
