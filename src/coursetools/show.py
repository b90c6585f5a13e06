"""A post as a learner reads it in the terminal: includes expanded, rendered by rich.

Maths never goes through Markdown. The parser takes ``$…$`` and ``$$…$$`` out first
(as the site's arithmatex does: ``\\$`` is a dollar, code spans and fences are code),
and each span is printed as written, in its own colour, except that a command standing
for one symbol shows that symbol: ``\\gamma`` γ, ``\\sum`` ∑, ``\\le`` ≤, ``\\mathbb{E}`` 𝔼.
Structure (sub- and superscripts, ``\\frac``, ``\\sqrt``, ``\\arg\\max``) stays as written:
turning it into plain text loses meaning (pylatexenc prints ``\\frac{1}{n-1}`` as
``1/n - 1``, ``R_{t+1}`` as ``R_t+1`` and drops ``\\arg``), while ``R_{t+1}`` is readable.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from functools import cache
from typing import ClassVar

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from pylatexenc import latex2text, latexwalker
from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import Markdown, MarkdownElement
from rich.padding import Padding
from rich.text import Text
from rich.theme import Theme

from coursetools.lessons import WrittenLesson
from coursetools.post import bold_titles, expand_includes

MATHS_STYLE = "markdown.math"
THEME = Theme({MATHS_STYLE: "magenta"})

# A letter-font symbol (\mathbb{E}), a control word (\gamma), or a control symbol (\, \{ \\),
# matched left to right so that `\\alpha` reads as a line break followed by "alpha".
COMMAND = re.compile(r"\\math(?:bb|cal|frak|scr)\{[A-Za-z]\}|\\[A-Za-z]+|\\.", re.DOTALL)
CONTROL_WORD_AT_END = re.compile(r"\\[A-Za-z]+$")

_WALKER_COMMANDS = latexwalker.get_default_latex_context_db()
_TEXT_COMMANDS = latex2text.get_default_latex_context_db()
_TO_TEXT = latex2text.LatexNodes2Text(math_mode="text")


def _is_symbol(text: str) -> bool:
    """Non-empty, and only visible non-ASCII characters (no combining accent, no space)."""
    return bool(text) and all(
        ord(char) > 127 and not unicodedata.combining(char) and not char.isspace() for char in text
    )


@cache
def symbol_for(command: str) -> str | None:
    """The Unicode symbol pylatexenc prints for ``command``, if it stands for one symbol.

    Only commands without arguments qualify (``\\gamma``, not ``\\bar``), and only when
    pylatexenc's text is a symbol: ``\\max`` (``max``) and ``\\lvert`` (``|``) stay as
    written, so nothing in the output could be mistaken for something else.
    """
    if command.startswith("\\math"):
        text = _TO_TEXT.latex_to_text(command)
        return text if _is_symbol(text) else None
    name = command[1:]
    if not name.isalpha():
        return None
    parsing = _WALKER_COMMANDS.get_macro_spec(name)
    if parsing is not None and getattr(parsing.args_parser, "argspec", ""):
        return None
    spec = _TEXT_COMMANDS.get_macro_spec(name)
    text = getattr(spec, "simplify_repl", None)
    return text if isinstance(text, str) and _is_symbol(text) else None


def terminal_maths(latex: str) -> str:
    """``latex`` as the terminal shows it: as written, symbol commands as their symbol."""

    def replace(match: re.Match[str]) -> str:
        symbol = symbol_for(match[0])
        if symbol is None:
            return match[0]
        # `\bar\theta` must not print as `\barθ`, which reads like one command.
        before = latex[: match.start()]
        return f" {symbol}" if CONTROL_WORD_AT_END.search(before) else symbol

    return COMMAND.sub(replace, latex)


class DisplayMaths(MarkdownElement):
    """``$$…$$`` on lines of its own: indented, in the maths colour, line breaks kept."""

    @classmethod
    def create(cls, markdown: Markdown, token: Token) -> DisplayMaths:
        return cls(token.content)

    def __init__(self, latex: str) -> None:
        self.text = terminal_maths(latex.strip("\n"))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Padding(Text(self.text, style=console.get_style(MATHS_STYLE)), (0, 0, 0, 4))


def _flat(tokens: Sequence[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        yield from _flat(token.children or [])


class TerminalMarkdown(Markdown):
    """rich's Markdown, with maths parsed as maths before any emphasis or escape."""

    elements: ClassVar[dict[str, type[MarkdownElement]]] = {
        **Markdown.elements,
        "math_block": DisplayMaths,
    }
    # An inline style tag is printed as its token's text in the style markdown.<tag>.
    inlines = Markdown.inlines | {"math"}

    def __init__(self, markup: str, code_theme: str = "monokai") -> None:
        super().__init__(markup, code_theme=code_theme)
        # rich parses without maths; parse again with the same rules plus dollar maths.
        parser = MarkdownIt().enable("strikethrough").enable("table")
        parser.use(dollarmath_plugin, allow_labels=False, allow_space=False, double_inline=True)
        self.parsed = parser.parse(markup)
        for token in _flat(self.parsed):
            if token.type in {"math_inline", "math_inline_double"}:
                token.tag = "math"
                # A line break inside inline maths is a space to TeX, not a new line.
                token.content = terminal_maths(token.content.replace("\n", " "))
            elif token.type == "math_block":
                token.tag = "div"


def terminal_markdown(lesson: WrittenLesson) -> str:
    published = lesson.published_body(notation_href="course/notation.md")
    body = bold_titles(expand_includes(published, lesson.root))
    return f"# {lesson.title}\n\n{body}"


def show(lesson: WrittenLesson, console: Console | None = None) -> None:
    out = console or Console()
    with out.use_theme(THEME):
        out.print(TerminalMarkdown(terminal_markdown(lesson), code_theme="monokai"))
