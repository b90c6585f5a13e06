"""A post as a learner reads it in the terminal: includes expanded, rendered by rich."""

from __future__ import annotations

from rich.console import Console
from rich.markdown import Markdown

from coursetools.lessons import WrittenLesson
from coursetools.post import bold_titles, expand_includes


def terminal_markdown(lesson: WrittenLesson) -> str:
    body = bold_titles(expand_includes(lesson.body, lesson.root))
    return f"# {lesson.title}\n\n{body}"


def show(lesson: WrittenLesson, console: Console | None = None) -> None:
    out = console or Console()
    out.print(Markdown(terminal_markdown(lesson), code_theme="monokai"))
