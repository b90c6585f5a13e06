"""Exports of the written lessons: blog posts as the author publishes them, and notebooks.

Both start from the same post and the same listings as the site. The blog export is
plain CommonMark with dollar maths: includes expanded into ```python fences, the
``??? success "Solution"`` blocks turned into HTML ``<details>``, figures copied
beside the post. The notebook export keeps the prose as markdown cells and makes each
demo listing one runnable code cell.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat

from coursetools.lessons import WrittenLesson
from coursetools.post import (
    FENCE,
    IMAGE,
    details_html,
    expand_includes,
    fence_end,
    parse_include,
    strip_markers,
)
from coursetools.syllabus import repo_root

NOTATION = "notation"  # the folder of the exported notation page, beside the posts


@dataclass(frozen=True)
class ExportedPost:
    lesson_id: str
    path: Path
    figures: list[Path]


def export_notation(out_dir: Path) -> Path:
    """The course's notation page as ``out_dir/notation/index.md``, which posts link to."""
    path = out_dir / NOTATION / "index.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(repo_root() / "course" / "notation.md", path)
    return path


def export_name(lesson: WrittenLesson) -> str:
    return f"part-{lesson.id.replace('.', '-')}-{lesson.lesson.slug}"


def export_blog_post(lesson: WrittenLesson, out_dir: Path) -> ExportedPost:
    """Write ``out_dir/<part-…>/index.md`` with its figures beside it."""
    folder = out_dir / export_name(lesson)
    folder.mkdir(parents=True, exist_ok=True)
    published = lesson.published_body(notation_href=f"../{NOTATION}/index.md")
    body = details_html(expand_includes(published, lesson.root))
    figures: list[Path] = []

    def beside(match: re.Match[str]) -> str:
        source = lesson.folder / match["src"]
        target = folder / source.name
        shutil.copyfile(source, target)
        figures.append(target)
        return match[0].replace(match["src"], source.name)

    body = IMAGE.sub(beside, body)
    path = folder / "index.md"
    path.write_text(lesson.front_matter_text + body, encoding="utf-8")
    return ExportedPost(lesson.id, path, figures)


NOTEBOOK_SETUP = (
    "# The listings write their figures next to their own file (Path(__file__).parent);\n"
    "# in a notebook there is no file, so this names one in the notebook's folder.\n"
    '__file__ = "notebook.py"\n'
    "# Each listing reads its Config from the command line (tyro); the kernel's own\n"
    "# arguments are not for it.\n"
    "import sys\n"
    "\n"
    "sys.argv = sys.argv[:1]"
)


def notebook(lesson: WrittenLesson) -> nbformat.NotebookNode:
    """The lesson as a notebook: prose in markdown cells, one code cell per demo listing.

    A demo listing becomes a code cell, whole, where the post first includes it, so
    running the notebook top to bottom runs each demo as ``python demo_….py`` would.
    Other code (later parts of the same listing, library code, solutions) is shown in
    the markdown cells, so nothing runs twice.
    """
    title = lesson.title
    author = lesson.front_matter.get("author", "")
    date = lesson.front_matter.get("date", "")
    cells: list[nbformat.NotebookNode] = [
        nbformat.v4.new_markdown_cell(f"# {title}\n\n*{author}, {date}*"),
        nbformat.v4.new_code_cell(NOTEBOOK_SETUP),
    ]
    prose: list[str] = []
    ran: set[Path] = set()
    published = lesson.published_body(notation_href=f"../{NOTATION}/index.md")
    lines = details_html(published).splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        fence = FENCE.match(line)
        block_end = fence_end(lines, index) if fence is not None else None
        if fence is None or block_end is None:
            prose.append(line)
            index += 1
            continue
        inside = [text for text in lines[index + 1 : block_end] if text.strip()]
        include = parse_include(inside[0]) if len(inside) == 1 else None
        listing = (lesson.root / include.path).resolve() if include else None
        if (
            listing is not None
            and fence["info"].strip() == "python"
            and listing.parent == lesson.folder.resolve()
            and listing.name.startswith("demo_")
            and listing not in ran
        ):
            ran.add(listing)
            cells.append(nbformat.v4.new_markdown_cell(_joined(prose)))
            prose = []
            code = strip_markers(listing.read_text(encoding="utf-8")).strip("\n")
            cells.append(nbformat.v4.new_code_cell(code))
        else:
            block = "\n".join(lines[index : block_end + 1])
            prose += expand_includes(block, lesson.root).splitlines()
        index = block_end + 1
    cells.append(nbformat.v4.new_markdown_cell(_joined(prose)))
    book = nbformat.v4.new_notebook()
    book.cells = [cell for cell in cells if cell.source.strip()]
    book.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return book


def _joined(lines: list[str]) -> str:
    return "\n".join(lines).strip("\n")


def export_notebook(lesson: WrittenLesson, out_dir: Path) -> Path:
    """Write ``out_dir/<part-…>/<part-…>.ipynb``, with the figures and helper modules beside it.

    Running the notebook rewrites those figures in the same place (``outputs/``).
    """
    folder = out_dir / export_name(lesson)
    folder.mkdir(parents=True, exist_ok=True)
    if lesson.outputs.is_dir():
        shutil.copytree(lesson.outputs, folder / "outputs", dirs_exist_ok=True)
    for helper in lesson.folder.glob("*.py"):
        if not helper.name.startswith("demo_"):  # modules the demos import as siblings
            shutil.copyfile(helper, folder / helper.name)
    path = folder / f"{export_name(lesson)}.ipynb"
    jupytext.write(notebook(lesson), path, fmt="ipynb")
    return path
