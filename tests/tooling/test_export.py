"""Blog posts and notebooks exported from the lessons."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from nbclient import NotebookClient

from coursetools.export import export_blog_post, export_notation, export_notebook
from coursetools.lessons import WrittenLesson, load, written_lessons
from coursetools.post import IMAGE, parse_include, read_include, scan
from coursetools.syllabus import course

LESSON_IDS = [lesson.id for lesson in written_lessons()]
NOTEBOOK_LESSON = "1.1"  # its full run takes seconds


@pytest.fixture(params=LESSON_IDS)
def lesson(request: pytest.FixtureRequest) -> WrittenLesson:
    return load(str(request.param))


def _stray_dollars(markdown_text: str) -> list[str]:
    """Text left with a ``$`` after a CommonMark + dollarmath render (escapes excepted)."""
    # Without text_join, an escaped \$ stays a separate "text_special" token.
    renderer = MarkdownIt("commonmark").disable("text_join").use(dollarmath_plugin)
    stray: list[str] = []

    def visit(tokens: list[Token]) -> None:
        for token in tokens:
            if token.type == "text" and "$" in token.content:
                stray.append(token.content)
            if token.children:
                visit(token.children)

    visit(renderer.parse(markdown_text))
    return stray


def test_the_renderer_check_can_fail() -> None:
    assert _stray_dollars("a $x$ b \\$5 c\n\n$$\ny\n$$\n") == []
    assert _stray_dollars("lone $ sign") == ["lone $ sign"]
    assert _stray_dollars("cramped $$\ny\n$$") != []


def test_blog_post(lesson: WrittenLesson, tmp_path: Path) -> None:
    post = export_blog_post(lesson, tmp_path)
    text = post.path.read_text()
    assert text.startswith(lesson.front_matter_text), "the front matter is copied verbatim"
    assert "--8<--" not in text, "no include syntax or section marker is left"
    assert "??? " not in text, "collapsible blocks become <details>"
    for match in IMAGE.finditer(text):
        assert (post.path.parent / match["src"]).is_file(), match["src"]
        assert "/" not in match["src"], "figures sit beside the post"
    _, original_fences = scan(lesson.body)
    _, exported_fences = scan(text.split("+++\n", 2)[2])
    assert len(exported_fences) == len(original_fences)
    for before, after in zip(original_fences, exported_fences, strict=True):
        includes = [parse_include(line) for line in before.lines if line.strip()]
        if len(includes) == 1 and includes[0] is not None:
            expected = read_include(includes[0], lesson.root).splitlines()
            got = [line.removeprefix(after.indent) for line in after.lines]
            assert got == expected, f"fence at index.md:{before.start_line}"
            assert after.language == before.language
    assert _stray_dollars(text.split("+++\n", 2)[2]) == []


@pytest.mark.skipif(NOTEBOOK_LESSON not in LESSON_IDS, reason="lesson 1.1 is not written")
def test_notebook_runs_top_to_bottom(tmp_path: Path) -> None:
    lesson = load(NOTEBOOK_LESSON)
    path = export_notebook(lesson, tmp_path)
    book = nbformat.read(path, as_version=4)
    assert book.cells[0].cell_type == "markdown"
    assert book.cells[0].source.startswith("# Learn Reinforcement Learning with PyTorch, Part 1.1")
    assert "+++" not in book.cells[0].source
    code = [cell for cell in book.cells if cell.cell_type == "code"]
    assert len(code) >= 2
    client = NotebookClient(
        book, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    outputs = [output for cell in code for output in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    printed = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert re.search(r"\w", printed), "the demos printed their results"


def test_every_published_post_says_once_where_its_code_is(tmp_path: Path) -> None:
    """The note comes from course/course.toml, at the end of the Introduction."""
    repository = course().repository
    notation = export_notation(tmp_path)
    assert notation.read_text().startswith("# Notation")
    for lesson in written_lessons():
        text = export_blog_post(lesson, tmp_path).path.read_text()
        assert text.count(f"git clone {repository}") == 1
        assert text.count(f"make lesson LESSON={lesson.id}") == 1
        assert f"rlcourse exercise {lesson.id}" in text
        introduction, _, rest = text.partition("## Mathematics")
        assert "git clone" in introduction and rest
        link = re.search(r"\[notation page\]\(([^)]+)\)", text)
        assert link is not None
        assert (tmp_path / "x" / link[1]).resolve() == notation.resolve()
