"""Outputs that know what made them: provenance, staleness, and which lessons use a file."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from coursetools import cli, lessons
from coursetools.lessons import WrittenLesson
from coursetools.lint import lint_lesson
from coursetools.provenance import (
    PROVENANCE_FILE,
    sha256_of,
)
from coursetools.runner import DemoFailed, regenerate
from tests.tooling.conftest import rewrite


@pytest.fixture
def library_module(fake_lesson: WrittenLesson) -> Iterator[Path]:
    """A module of the scratch repository's library that the fake demo imports.

    The real ``rlcourse`` package is already loaded in this process, so the scratch
    ``src/rlcourse/`` folder is put on ``sys.path`` and its module imported by a name
    of its own; provenance only looks at where a loaded module's file lives.
    """
    name = f"scratch_library_{uuid.uuid4().hex[:8]}"
    folder = fake_lesson.root / "src" / "rlcourse"
    folder.mkdir(parents=True)
    module = folder / f"{name}.py"
    module.write_text("OFFSET = 0\n")
    rewrite(
        fake_lesson,
        "from pathlib import Path\n",
        f"from pathlib import Path\n\nimport {name}\n",
        "demo_sum.py",
    )
    rewrite(fake_lesson, "total = sum(", f"total = {name}.OFFSET + sum(", "demo_sum.py")
    sys.path.insert(0, str(folder))
    try:
        yield module
    finally:
        sys.path.remove(str(folder))
        sys.modules.pop(name, None)


def _use_root(monkeypatch: pytest.MonkeyPatch, lesson: WrittenLesson) -> None:
    monkeypatch.setattr(lessons, "repo_root", lambda: lesson.root)


def test_regen_records_the_lesson_files_and_the_library_modules_it_imported(
    fake_lesson: WrittenLesson, library_module: Path
) -> None:
    regenerate(fake_lesson, echo=False)
    recorded = json.loads((fake_lesson.outputs / PROVENANCE_FILE).read_text())
    demo = fake_lesson.folder / "demo_sum.py"
    assert recorded["lesson"] == "1.1"
    assert recorded["sha256"] == {
        fake_lesson.relative(demo): sha256_of(demo),
        f"src/rlcourse/{library_module.name}": sha256_of(library_module),
    }
    assert lint_lesson(fake_lesson) == []


def test_touching_an_imported_library_file_makes_lint_name_the_lesson(
    fake_lesson: WrittenLesson,
    library_module: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    regenerate(fake_lesson, echo=False)
    library_module.write_text("OFFSET = 1\n")
    expected = (
        f"outputs of 1.1 were made from an older src/rlcourse/{library_module.name}: "
        "run `rlcourse regen 1.1`"
    )
    assert lint_lesson(fake_lesson) == [expected]
    _use_root(monkeypatch, fake_lesson)
    assert cli.main(["lint", "1.1"]) == 1
    assert expected in capsys.readouterr().out


def test_changed_missing_and_new_lesson_files_are_stale(fake_lesson: WrittenLesson) -> None:
    folder = "course/01-foundations/01-introduction"
    (fake_lesson.folder / "demo_sum.py").write_text("# changed\n")
    (fake_lesson.folder / "helper.py").write_text("X = 1\n")
    assert lint_lesson(fake_lesson)[-2:] == [
        f"outputs of 1.1 were made from an older {folder}/demo_sum.py: run `rlcourse regen 1.1`",
        f"outputs of 1.1 were made before {folder}/helper.py existed: run `rlcourse regen 1.1`",
    ]
    (fake_lesson.folder / "demo_sum.py").unlink()
    assert any(f"{folder}/demo_sum.py, now gone" in p for p in lint_lesson(fake_lesson))


def test_outputs_without_provenance_are_reported(fake_lesson: WrittenLesson) -> None:
    (fake_lesson.outputs / PROVENANCE_FILE).unlink()
    assert lint_lesson(fake_lesson) == [
        "outputs of 1.1 do not record what made them: run `rlcourse regen 1.1`"
    ]


def test_uses_lists_the_lessons_that_show_or_import_a_file(
    fake_lesson: WrittenLesson,
    library_module: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _use_root(monkeypatch, fake_lesson)
    regenerate(fake_lesson, echo=False)
    assert cli.main(["uses", str(library_module)]) == 0
    out = capsys.readouterr().out
    assert (
        f"src/rlcourse/{library_module.name} is used by:\n  1.1  used by its last full run" in out
    )
    assert "After changing it, regenerate their outputs: rlcourse regen 1.1\n" in out
    assert "reread" not in out, "the post does not show the library module"

    demo = "course/01-foundations/01-introduction/demo_sum.py"
    monkeypatch.chdir(fake_lesson.root)
    assert cli.main(["uses", demo]) == 0
    out = capsys.readouterr().out
    assert "1.1  shown in the post, used by its last full run" in out
    assert "and reread what the posts of 1.1 say about the code they show." in out

    (fake_lesson.root / "README.md").write_text("read me\n")
    assert cli.main(["uses", "README.md"]) == 0
    assert "No written lesson shows README.md" in capsys.readouterr().out


def test_uses_of_a_file_that_is_nowhere_is_an_error(
    fake_lesson: WrittenLesson,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _use_root(monkeypatch, fake_lesson)
    assert cli.main(["uses", str(fake_lesson.root / "src" / "nothing.py")]) == 2
    err = capsys.readouterr().err
    assert err == (
        "rlcourse: error: no file src/nothing.py in the repository, and no lesson records "
        "using it\n"
    )


@pytest.mark.parametrize("error", ["KeyboardInterrupt()", "ZeroDivisionError()"])
def test_a_stopped_regen_leaves_the_outputs_untouched(
    fake_lesson: WrittenLesson, error: str
) -> None:
    before = {p.name: p.read_bytes() for p in fake_lesson.outputs.iterdir()}
    rewrite(fake_lesson, "    total = sum(", f"    raise {error}\n    total = sum(", "demo_sum.py")
    expected = KeyboardInterrupt if error.startswith("Keyboard") else DemoFailed
    with pytest.raises(expected):
        regenerate(fake_lesson, echo=False)
    assert {p.name: p.read_bytes() for p in fake_lesson.outputs.iterdir()} == before
    leftovers = [p.name for p in fake_lesson.folder.iterdir() if p.name.startswith("rlcourse-")]
    assert leftovers == []


def test_a_regen_replaces_the_outputs_and_leaves_no_scratch(fake_lesson: WrittenLesson) -> None:
    (fake_lesson.outputs / "old_figure.png").write_bytes(b"from an older run")
    regenerate(fake_lesson, echo=False)
    names = sorted(p.name for p in fake_lesson.outputs.iterdir())
    assert names == ["demo_sum.txt", "figure.png", PROVENANCE_FILE, "results.json"]
    assert sorted(p.name for p in fake_lesson.folder.iterdir() if p.is_dir()) == [
        "checks",
        "exercises",
        "mistakes",
        "outputs",
        "solutions",
    ]


PROBE = """
import importlib, json, pkgutil, sys
import coursetools
names = [m.name for m in pkgutil.walk_packages(coursetools.__path__, "coursetools.")]
for name in names:
    importlib.import_module(name)
print(json.dumps({"imported": names, "loaded": sorted(sys.modules)}))
"""


def test_the_tooling_imports_no_library_module() -> None:
    """Provenance reads the library modules a run imported from ``sys.modules``: that is
    only true if the tooling itself never loads one."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=300
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert "coursetools.provenance" in report["imported"]
    assert [name for name in report["loaded"] if name.split(".")[0] == "rlcourse"] == []
