"""The course website: every written lesson as a page, built with MkDocs Material.

The posts are used as they are: MkDocs' snippets extension expands their includes
from the repository root, arithmatex marks the maths, and KaTeX (served from the
site, never a CDN) renders it. The build is strict: a missing include, figure or
internal link stops it.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coursetools.errors import CourseError
from coursetools.lessons import WrittenLesson, is_written, load_lesson
from coursetools.post import MARKDOWN_EXTENSIONS
from coursetools.syllabus import Lesson, course, lesson_folder, repo_root

ASSETS = Path(__file__).parent / "site_assets"
# Where `rlcourse bench --out benchmarks` leaves the committed results the site shows.
BENCHMARKS = "benchmarks"


@dataclass(frozen=True)
class SiteBuild:
    out_dir: Path
    pages: list[Path]


def _page_path(lesson: Lesson) -> str:
    return f"{lesson_folder(lesson)}/index.md"


def home_page(root: Path) -> str:
    """The home page: what the course is, how to take it, and the whole syllabus."""
    the_course = course()
    lessons = the_course.lessons()
    lines = [
        f"# {the_course.title}",
        "",
        "An executable course that takes you from tensors to deep reinforcement learning:",
        f"{len(the_course.modules)} modules and {len(lessons)} lessons. Every lesson is a "
        "post whose code is a real file that",
        "the course's test suite runs and type-checks; its figures and numbers come from",
        "running that code, and its exercises check themselves.",
        "",
        "**Who it is for:** programmers who know some Python and want to understand",
        "reinforcement learning by building it, on an ordinary laptop. No GPU is needed;",
        "CUDA and Apple's MPS are used when present.",
        "",
        "## Install",
        "",
        "```bash",
        "git clone <this repository> rl-course && cd rl-course",
        "make lesson    # creates .venv, installs the course, runs lesson 4.4",
        "source .venv/bin/activate",
        "```",
        "",
        "## Take a lesson",
        "",
        "```bash",
        "rlcourse show 4.4          # read the post in the terminal",
        "rlcourse run 4.4 --quick   # run its demos with small settings",
        "rlcourse exercise 4.4      # copy the exercise stubs to rlcourse-work/4.4/",
        "rlcourse check 4.4         # check your answers",
        "```",
        "",
        "## Syllabus",
        "",
    ]
    if not all(is_written(lesson, root) for lesson in lessons):
        lines += ["Lessons with a link are written; the others are coming.", ""]
    for module in the_course.modules:
        lines += [f"### Module {module.number}: {module.title}", ""]
        for lesson in module.lessons:
            label = f"{lesson.id} {lesson.title}"
            if is_written(lesson, root):
                lines.append(f"- [{label}]({_page_path(lesson)})")
            else:
                lines.append(f"- {label} *(coming)*")
        lines.append("")
    return "\n".join(lines)


def benchmarks_page(results_dir: Path) -> str:
    """The Benchmarks page, made from the committed output of ``rlcourse bench``: how the
    runs were made, the table of every run, and the figure."""
    table = (results_dir / "results.md").read_text(encoding="utf-8")
    # results.md opens with its own level-1 heading (date and machine); the page keeps it
    # as the page's title and turns the task headings into sections below the intro.
    heading, _, rest = table.partition("\n")
    lines = [
        heading.replace("# Benchmark:", "# Benchmarks:", 1),
        "",
        "Is what you built in Module 5 any good? These runs put the course's agents beside",
        "Stable-Baselines3's with the hyperparameters of RL Baselines3 Zoo, on one machine,",
        "each run a process of its own with one torch thread. A run *reaches* the threshold",
        "when the mean return of its last 20 training episodes first does; it *holds* it",
        "when its final network's greedy policy averages at least the threshold over 100",
        "fresh episodes (475 on CartPole-v1, 200 on LunarLander-v3). Rerun it with",
        "`rlcourse bench --out benchmarks` (the README says how).",
        "",
        "![Per task, the final greedy score of every run against the threshold, and the "
        "training wall-clock of every run, by agent](bench.png)",
        "",
        rest.strip(),
        "",
    ]
    return "\n".join(lines)


def lesson_page(lesson: WrittenLesson) -> str:
    """The post with its front matter turned into a title and a byline.

    The page heading drops the series name, which the site's header already shows:
    on a phone the full title alone filled the first screen.
    """
    title = lesson.title.removeprefix(f"{course().title}, ")
    author = lesson.front_matter.get("author", "")
    date = lesson.front_matter.get("date", "")
    body = lesson.published_body(notation_href="../../notation.md")
    return f"# {title}\n\n*{author}, {date}*\n\n{body}"


def mkdocs_config(docs_dir: Path, site_dir: Path, root: Path, nav: list[Any]) -> dict[str, Any]:
    return {
        "site_name": course().title,
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "use_directory_urls": True,
        "strict": True,
        "theme": {
            "name": "material",
            "font": False,
            "features": [
                "navigation.sections",
                "navigation.footer",
                "navigation.top",
                "search.highlight",
                "content.code.copy",
            ],
            "palette": [
                {
                    "media": "(prefers-color-scheme: light)",
                    "scheme": "default",
                    "toggle": {"icon": "material/weather-night", "name": "Dark theme"},
                },
                {
                    "media": "(prefers-color-scheme: dark)",
                    "scheme": "slate",
                    "toggle": {"icon": "material/weather-sunny", "name": "Light theme"},
                },
            ],
        },
        "plugins": ["search"],
        "validation": {
            "omitted_files": "warn",
            "absolute_links": "warn",
            "unrecognized_links": "warn",
            "anchors": "warn",
        },
        "markdown_extensions": [
            *MARKDOWN_EXTENSIONS,
            {"toc": {"permalink": True}},
            {"pymdownx.highlight": {"anchor_linenums": False}},
            "pymdownx.inlinehilite",
            {"pymdownx.snippets": {"base_path": [str(root)], "check_paths": True}},
        ],
        "extra_css": ["assets/katex/katex.min.css", "assets/css/course.css"],
        "extra_javascript": [
            "assets/katex/katex.min.js",
            "assets/js/katex-init.js",
            "assets/js/a11y.js",
        ],
        "nav": nav,
    }


def stage(docs_dir: Path, root: Path) -> list[Any]:
    """Write the home page, the lesson pages and their figures into ``docs_dir``; return the nav."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    (docs_dir / "index.md").write_text(home_page(root), encoding="utf-8")
    shutil.copyfile(repo_root() / "course" / "notation.md", docs_dir / "notation.md")
    shutil.copytree(ASSETS, docs_dir / "assets")
    nav: list[Any] = [{"Home": "index.md"}, {"Notation": "notation.md"}]
    for module in course().modules:
        pages: list[Any] = []
        for lesson in module.lessons:
            if not is_written(lesson, root):
                continue
            written = load_lesson(lesson, root)
            page = docs_dir / _page_path(lesson)
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(lesson_page(written), encoding="utf-8")
            if written.outputs.is_dir():
                shutil.copytree(written.outputs, page.parent / "outputs")
            pages.append({f"{lesson.id} {lesson.title}": _page_path(lesson)})
        if pages:
            nav.append({f"Module {module.number}: {module.title}": pages})
    results = root / BENCHMARKS
    if (results / "results.md").is_file():
        (docs_dir / "benchmarks").mkdir()
        (docs_dir / "benchmarks" / "index.md").write_text(
            benchmarks_page(results), encoding="utf-8"
        )
        shutil.copyfile(results / "bench.png", docs_dir / "benchmarks" / "bench.png")
        nav.append({"Benchmarks": "benchmarks/index.md"})
    return nav


def build(out_dir: Path, root: Path | None = None) -> SiteBuild:
    """Build the site into ``out_dir``; CourseError with MkDocs' warnings if it is not clean."""
    base = root or repo_root()
    with tempfile.TemporaryDirectory(prefix="rlcourse-site-") as scratch:
        docs_dir = Path(scratch) / "docs"
        nav = stage(docs_dir, base)
        config = Path(scratch) / "mkdocs.yml"
        # JSON is valid YAML, and it needs no YAML writer.
        settings = mkdocs_config(docs_dir, out_dir.resolve(), base, nav)
        config.write_text(json.dumps(settings, indent=2), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config)],
            capture_output=True,
            text=True,
        )
    if done.returncode != 0:
        problems = [
            line for line in done.stderr.splitlines() if "WARNING" in line or "ERROR" in line
        ]
        detail = "\n  ".join(problems or done.stderr.strip().splitlines()[-10:])
        raise CourseError(f"the site build failed:\n  {detail}")
    pages = sorted(out_dir.rglob("index.html"))
    return SiteBuild(out_dir, pages)


def serve(directory: Path, port: int) -> None:
    """Serve a built site on http://127.0.0.1:port until interrupted."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"Serving {directory} at http://127.0.0.1:{port}/ (Ctrl-C stops)")
        server.serve_forever()
