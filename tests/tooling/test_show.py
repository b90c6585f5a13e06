from __future__ import annotations

import html
import re
from io import StringIO

import pytest
from rich.console import Console

from coursetools import lessons
from coursetools.lessons import WrittenLesson
from coursetools.lint import LITERAL_DOLLAR, render_html
from coursetools.post import expand_includes
from coursetools.show import show, symbol_for, terminal_maths
from tests.tooling.conftest import rewrite

# How the site (arithmatex) marks maths: \(…\) inline, \[…\] display.
ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">\\[(\[](.*?)\\[)\]]</\1>', re.DOTALL)
# What a symbol may replace: a control word, or a letter font of one letter.
SYMBOL_COMMAND = re.compile(r"\\math(?:bb|cal|frak|scr)\{[A-Za-z]\}|\\[A-Za-z]+")


def shown(lesson: WrittenLesson) -> str:
    console = StringIO()
    show(lesson, Console(file=console, width=400, color_system=None))
    return console.getvalue()


def site_maths(lesson: WrittenLesson) -> list[str]:
    """Every maths span of the post, in order, as the site's Markdown finds them."""
    body = expand_includes(lesson.body, lesson.root).replace("\\$", LITERAL_DOLLAR)
    return [html.unescape(match[2]) for match in ARITHMATEX.finditer(render_html(body))]


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("lesson", lessons.written_lessons(), ids=lambda lesson: lesson.id)
def test_every_maths_span_of_a_post_survives_show(lesson: WrittenLesson) -> None:
    spans = site_maths(lesson)
    assert spans, f"{lesson.id} has no maths to check"
    out = squeeze(shown(lesson))
    position = 0
    for latex in spans:
        expected = squeeze(terminal_maths(latex))
        found = out.find(expected, position)
        assert found >= 0, f"{lesson.id}: {latex!r} is not shown as {terminal_maths(latex)!r}"
        position = found + len(expected)


def test_symbol_commands_are_the_only_change_to_the_maths_of_the_posts() -> None:
    spans = [latex for lesson in lessons.written_lessons() for latex in site_maths(lesson)]
    assert len(spans) > 1000
    for latex in spans:
        out = terminal_maths(latex)
        commands = SYMBOL_COMMAND.findall(latex)
        # The rest of the text, spaces aside, is as written: no `*`, `\\,` or `\\{` eaten.
        assert outside_commands(out) == outside_commands(latex), latex
        # Each command is kept or becomes its symbol; none disappears.
        assert SYMBOL_COMMAND.findall(out) == [c for c in commands if symbol_for(c) is None]
        # Non-ASCII text: the symbols, in place of their commands, and what was written.
        as_symbols = SYMBOL_COMMAND.sub(lambda match: symbol_for(match[0]) or "", latex)
        assert re.sub(r"[\x00-\x7f]", "", out) == re.sub(r"[\x00-\x7f]", "", as_symbols), latex


def outside_commands(text: str) -> str:
    """The ASCII text outside command names, spaces aside."""
    return squeeze(re.sub(r"[^\x00-\x7f]", "", SYMBOL_COMMAND.sub("", text)))


def test_show_prints_maths_as_written_with_symbols(fake_lesson: WrittenLesson) -> None:
    lesson = rewrite(
        fake_lesson,
        "with $x^2$ inline maths.",
        "with $Q^*(s, a)$ and $*x*$, $D \\in \\{0, 1\\}$, $\\gamma \\, \\mathbb{E}[G]$, "
        "$\\bar\\theta$, a price of \\$5 and `$code$`.",
    )
    lines = shown(lesson).splitlines()
    [line] = [line for line in lines if "Q^*" in line]
    assert line.strip() == (
        "The sum is 499500, with Q^*(s, a) and *x*, D ∈ \\{0, 1\\}, γ \\, 𝔼[G], \\bar θ, "
        "a price of $5 and $code$."
    )
    display = [line for line in lines if "\\frac" in line]
    assert [line.strip() for line in display] == ["∑_{i=0}^{n-1} i = \\frac{n(n-1)}{2}"]


def test_maths_has_a_colour_of_its_own(fake_lesson: WrittenLesson) -> None:
    console = StringIO()
    show(
        fake_lesson, Console(file=console, width=100, force_terminal=True, color_system="standard")
    )
    magenta = "\x1b[35m"
    assert f"{magenta}x^2" in console.getvalue()
    assert f"{magenta}∑_{{i=0}}" in console.getvalue()


def test_symbol_for_only_replaces_commands_that_stand_for_one_symbol() -> None:
    assert [symbol_for(c) for c in ("\\gamma", "\\sum", "\\le", "\\mathbb{E}")] == [
        "γ",
        "∑",
        "≤",
        "𝔼",
    ]
    assert [symbol_for(c) for c in ("\\max", "\\arg", "\\frac", "\\bar", "\\lvert", "\\,")] == [
        None
    ] * 6
