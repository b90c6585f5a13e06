"""The course website in a real browser: every page, its maths, images, links and requests,
and an accessibility audit of every page in the light and the dark palette.

Chromium comes from Debian (`/usr/bin/chromium`), driven by Playwright; no browser is
downloaded. Outside CI, the browser tests are skipped when that Chromium is missing; in
CI (CI=true) a missing Chromium is a failure, because .ci/run installs it.

The audit is axe-core, vendored with its licence in tests/tooling/axe/ (the npm package's
axe.min.js) and injected into each page by the test: it is never part of the built site
and never fetched from a CDN.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypedDict
from urllib.parse import urldefrag, urlparse

import pytest

from coursetools import site
from coursetools.errors import CourseError
from coursetools.lessons import WrittenLesson, written_lessons
from coursetools.lint import lint_lesson
from coursetools.syllabus import all_lessons, lesson_folder, repo_root
from tests.tooling.conftest import rewrite

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SCREENSHOTS = repo_root() / "results" / "screenshots"
AXE = Path(__file__).parent / "axe" / "axe.min.js"
# axe-core grades each violation minor, moderate, serious or critical; the last two fail.
BLOCKING_IMPACTS = {"serious", "critical"}
# Material sets data-md-color-scheme on <body> from prefers-color-scheme.
PALETTES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> site.SiteBuild:
    started = time.perf_counter()
    built = site.build(tmp_path_factory.mktemp("site") / "site")
    print(f"site build: {time.perf_counter() - started:.1f} s, {len(built.pages)} pages")
    return built


@pytest.fixture(scope="module")
def base_url(built_site: site.SiteBuild) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site.out_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_home_page_lists_all_49_lessons(built_site: site.SiteBuild) -> None:
    html = (built_site.out_dir / "index.html").read_text()
    written = written_lessons()
    assert html.count("<em>(coming)</em>") == 49 - len(written)
    assert ("the others are coming" in html) == (len(written) < 49)
    for lesson in written:
        assert f'href="{lesson_folder(lesson.lesson)}/"' in html
    assert "7.5 Scaling Up: From MacBook to Cloud or GPU Clusters" in html


def test_build_fails_on_a_missing_include(fake_lesson: WrittenLesson, tmp_path: Path) -> None:
    rewrite(fake_lesson, "demo_sum.py:config", "demo_gone.py:config")
    with pytest.raises(CourseError, match="site build failed"):
        site.build(tmp_path / "site", fake_lesson.root)


def test_build_fails_on_a_missing_figure(fake_lesson: WrittenLesson, tmp_path: Path) -> None:
    rewrite(fake_lesson, "outputs/figure.png", "outputs/gone.png")
    with pytest.raises(CourseError, match=r"gone\.png"):
        site.build(tmp_path / "site", fake_lesson.root)


def test_build_fails_on_a_broken_internal_link(fake_lesson: WrittenLesson, tmp_path: Path) -> None:
    rewrite(fake_lesson, "Next: more.", "Next: [lesson 1.2](../02-vectors-and-scalars/index.md).")
    with pytest.raises(CourseError, match="02-vectors-and-scalars"):
        site.build(tmp_path / "site", fake_lesson.root)


def _page_urls(built_site: site.SiteBuild, base_url: str) -> list[str]:
    urls: list[str] = []
    for page in built_site.pages:
        relative = page.parent.relative_to(built_site.out_dir).as_posix()
        urls.append(base_url if relative == "." else f"{base_url}{relative}/")
    return urls


FOLDER = re.compile(r"\d\d-[a-z0-9-]+")  # a module's or a lesson's folder: 04-intro-rl


def _one_page_of_each_kind(urls: list[str]) -> list[str]:
    """Every URL that is not a lesson's, and the first lesson's of each module folder."""
    kept: list[str] = []
    modules_seen: set[str] = set()
    for url in urls:
        parts = url.rstrip("/").split("/")
        is_lesson = all(FOLDER.fullmatch(part) for part in parts[-2:])
        module = parts[-2] if is_lesson else None
        if module is None or module not in modules_seen:
            kept.append(url)
        if module is not None:
            modules_seen.add(module)
    return kept


def _resolves(url: str, cache: dict[str, str | None]) -> bool:
    page, fragment = urldefrag(url)
    if page not in cache:
        try:
            with urllib.request.urlopen(page, timeout=10) as response:
                cache[page] = response.read().decode("utf-8", errors="replace")
        except urllib.error.URLError:
            cache[page] = None
    html = cache[page]
    return html is not None and (not fragment or f'id="{fragment}"' in html)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium is missing: .ci/run must install Debian's chromium")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def test_every_page_in_a_real_browser(
    built_site: site.SiteBuild, base_url: str, browser: Browser
) -> None:
    host = urlparse(base_url).netloc
    problems: list[str] = []
    fetched: dict[str, str | None] = {}
    urls = _page_urls(built_site, base_url)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "request",
        lambda r: outside.append(r.url) if urlparse(r.url).netloc not in {host, ""} else None,
    )
    for url in urls:
        errors.clear()
        outside.clear()
        page.goto(url, wait_until="networkidle")
        maths = page.locator(".arithmatex").count()
        rendered = page.locator(".katex").count()
        if maths and rendered < maths:
            problems.append(f"{url}: {maths} maths elements, {rendered} rendered")
        if page.locator(".katex-error").count():
            problems.append(f"{url}: KaTeX errors: {page.locator('.katex-error').count()}")
        text = page.locator("article").inner_text()
        for raw in ("$$", "\\(", "\\["):
            if raw in text:
                problems.append(f"{url}: raw {raw} left in the visible text")
        broken = page.evaluate(
            "() => [...document.images].filter(i => !i.complete || i.naturalWidth === 0)"
            ".map(i => i.src)"
        )
        problems += [f"{url}: image not loaded: {src}" for src in broken]
        links: list[str] = page.evaluate("() => [...document.links].map(a => a.href)")
        for link in sorted(set(links)):
            if urlparse(link).netloc == host and not _resolves(link, fetched):
                problems.append(f"{url}: broken internal link {link}")
        problems += [f"{url}: console error: {e}" for e in errors]
        problems += [f"{url}: request outside the site: {r}" for r in outside]
    page.close()
    _screenshots(browser, urls[-1] if urls else base_url, base_url)
    print(f"browser: checked {len(urls)} pages")
    assert problems == []


def _screenshots(browser: Browser, lesson_url: str, base_url: str) -> None:
    """Home and lesson 4.4 at desktop and phone widths, for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    targets = {"home": base_url, "lesson-4-4": f"{base_url}04-intro-rl/04-q-learning-and-sarsa/"}
    for width, height, label in ((1280, 900, "desktop"), (390, 844, "phone")):
        page = browser.new_page(viewport={"width": width, "height": height})
        for name, url in targets.items():
            page.goto(url, wait_until="networkidle")
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=False)
        page.close()


class Violation(TypedDict):
    id: str
    impact: str
    count: int
    targets: list[str]


# The dark palette changes colours, not the page's structure, so there the audit runs only
# the rules that look at colour: a little over half the time of a full audit, which
# color-contrast (over every token of every code block) dominates.
AXE_RULES: dict[str, list[str] | None] = {
    "light": None,
    "dark": ["color-contrast", "link-in-text-block"],
}
AXE_RUN = """async (rules) => {
  const results = await axe.run(document, rules ? {runOnly: rules} : {});
  return results.violations.map(v => ({
    id: v.id,
    impact: v.impact,
    count: v.nodes.length,
    targets: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
  }));
}"""


def _audit(page: Page, rules: list[str] | None = None) -> list[Violation]:
    """axe-core's violations on the loaded page (all its rules, or ``rules``): rule id,
    impact, how many elements, the selectors of the first three."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN, rules)


def _describe(url: str, violation: Violation) -> str:
    return (
        f"{url}: {violation['id']} ({violation['impact']}, {violation['count']} elements), "
        f"e.g. {'; '.join(violation['targets'])}"
    )


def test_the_audit_finds_what_it_looks_for(browser: Browser) -> None:
    """The vendored axe-core reports grey-on-grey text and an unnamed dialog as serious."""
    page = browser.new_page()
    page.set_content(
        '<html lang="en"><head><title>t</title></head><body><main>'
        '<p style="color: #777; background: #888">grey on grey</p>'
        '<div role="dialog">a dialog without a name</div></main></body></html>'
    )
    found = {(v["id"], v["impact"]) for v in _audit(page)}
    page.close()
    assert {("color-contrast", "serious"), ("aria-dialog-name", "serious")} <= found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_an_accessibility_audit(
    built_site: site.SiteBuild, base_url: str, browser: Browser, scheme: Literal["light", "dark"]
) -> None:
    """No serious or critical axe-core violation on any page in the light palette, nor on
    one page of each kind in the dark one.

    What can differ between pages is their content (alt text, tables, headings, links),
    which the light audit checks on every page; what the dark palette changes is colours,
    which are the theme's and the same on every page of a kind. So the dark audit visits
    the home page, every page that is not a lesson, and the first lesson of each module:
    the run grows with the number of modules, not of lessons.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    blocking: list[str] = []
    tolerated: Counter[str] = Counter()
    urls = _page_urls(built_site, base_url)
    if scheme == "dark":
        urls = _one_page_of_each_kind(urls)
    started = time.perf_counter()
    for url in urls:
        page.goto(url, wait_until="networkidle")
        palette = page.evaluate("() => document.body.dataset.mdColorScheme")
        assert palette == PALETTES[scheme], f"{url}: Material's palette is {palette}"
        for violation in _audit(page, AXE_RULES[scheme]):
            if violation["impact"] in BLOCKING_IMPACTS:
                blocking.append(_describe(url, violation))
            else:
                tolerated[f"{violation['id']} ({violation['impact']})"] += violation["count"]
    context.close()
    print(
        f"axe ({scheme}): {len(urls)} pages in {time.perf_counter() - started:.0f} s; "
        f"minor or moderate: {dict(tolerated) or 'none'}"
    )
    assert not blocking, "serious or critical accessibility violations:\n" + "\n".join(blocking)


def test_lesson_heading_drops_the_series_name(fake_lesson: WrittenLesson) -> None:
    page = site.lesson_page(fake_lesson)
    assert page.startswith("# Part 1.1: Introduction: The Course, the Blog, and Why PyTorch\n")
    assert "*Artintellica, 2026-11-28*" in page


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        ("![](outputs/figure.png)", "empty alt text"),
        ("![  ](outputs/figure.png)", "empty alt text"),
        ("![figure.png](outputs/figure.png)", "'figure.png' is a file name"),
        ("![Figure](outputs/figure.png)", "only repeats the file name"),
        ("![loss-curve](outputs/loss_curve.png)", "only repeats the file name"),
    ],
)
def test_lint_refuses_figure_alt_text_that_says_nothing(
    fake_lesson: WrittenLesson, image: str, expected: str
) -> None:
    lesson = rewrite(fake_lesson, "![A blank placeholder figure](outputs/figure.png)", image)
    problems = lint_lesson(lesson)
    assert any(expected in problem for problem in problems), problems


def test_committed_benchmark_results_become_a_page(
    fake_lesson: WrittenLesson, tmp_path: Path
) -> None:
    from coursetools import bench
    from tests.tooling.test_bench import result

    runs = [
        result("course", "DQN", 0, 40.0, 500.0),
        result("course", "DQN", 1, 60.0, 480.0),
        result("sb3", "PPO", 0, 30.0, 500.0),
        result("sb3", "PPO", 1, 50.0, 400.0),
    ]
    results = fake_lesson.root / site.BENCHMARKS
    results.mkdir()
    machine = {"date": "2026-11-30", "machine": "x86_64, 2 CPUs, Linux"}
    (results / "results.md").write_text(bench.markdown(runs, machine), encoding="utf-8")
    bench.plot(runs, results / "bench.png")

    built = site.build(tmp_path / "site", fake_lesson.root)
    page = (built.out_dir / "benchmarks" / "index.html").read_text(encoding="utf-8")
    assert "Benchmarks: 2026-11-30, x86_64, 2 CPUs, Linux" in page
    assert "course DQN" in page and "sb3 PPO" in page
    assert "ratio 1.25" in page  # course DQN's median 50 s against PPO's 40 s
    assert (built.out_dir / "benchmarks" / "bench.png").is_file()
    home = (built.out_dir / "index.html").read_text(encoding="utf-8")
    assert 'href="benchmarks/"' in home  # in the navigation


def test_no_benchmark_page_without_results(fake_lesson: WrittenLesson, tmp_path: Path) -> None:
    built = site.build(tmp_path / "site", fake_lesson.root)
    assert not (built.out_dir / "benchmarks").exists()


def test_home_page_says_which_lessons_are_coming(fake_lesson: WrittenLesson) -> None:
    page = site.home_page(fake_lesson.root)  # a course with only 1.1 written
    assert "the others are coming" in page
    second = all_lessons()[1]
    assert f"- {second.id} {second.title} *(coming)*" in page
