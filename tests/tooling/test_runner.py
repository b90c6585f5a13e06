from __future__ import annotations

import json
from pathlib import Path

import pytest

from coursetools.lessons import WrittenLesson
from coursetools.runner import DemoFailed, build_config, run_lesson


def test_quick_run_uses_the_front_matter_values(fake_lesson: WrittenLesson, tmp_path: Path) -> None:
    run = run_lesson(fake_lesson, quick=True, out_dir=tmp_path / "out", echo=False)
    assert [demo.stem for demo in run.demos] == ["demo_sum"]
    assert run.demos[0].result == {"total": sum(range(10))}
    assert (tmp_path / "out" / "demo_sum.txt").read_text() == "total = 45\n"
    saved = json.loads((tmp_path / "out" / "results.json").read_text())
    assert saved == {"demo_sum": {"total": 45}}


def test_full_run_uses_the_defaults(fake_lesson: WrittenLesson, tmp_path: Path) -> None:
    run = run_lesson(fake_lesson, quick=False, out_dir=tmp_path, echo=False)
    assert run.demos[0].result == {"total": sum(range(1000))}


def test_a_failing_demo_names_its_file_and_line(fake_lesson: WrittenLesson, tmp_path: Path) -> None:
    demo = fake_lesson.folder / "demo_sum.py"
    demo.write_text(demo.read_text().replace("total = sum(", "total = 1 // 0 + sum("))
    with pytest.raises(DemoFailed) as failure:
        run_lesson(fake_lesson, quick=True, out_dir=tmp_path, echo=False)
    line = next(
        number
        for number, text in enumerate(demo.read_text().splitlines(), start=1)
        if "1 // 0" in text
    )
    assert failure.value.where.endswith(f"demo_sum.py:{line} (in main)")
    assert isinstance(failure.value.error, ZeroDivisionError)


def test_unknown_quick_values_are_refused(fake_lesson: WrittenLesson, tmp_path: Path) -> None:
    from coursetools.errors import CourseError
    from coursetools.file_import import import_file

    module = import_file(fake_lesson.folder / "demo_sum.py")
    with pytest.raises(CourseError, match="unknown Config fields"):
        build_config(module.Config, {"repeat": 3}, tmp_path, "demo_sum.py")


def test_demos_can_import_a_helper_beside_them(fake_lesson: WrittenLesson, tmp_path: Path) -> None:
    import sys

    demo = fake_lesson.folder / "demo_sum.py"
    (fake_lesson.folder / "shared_helper.py").write_text("OFFSET = 7\n")
    demo.write_text(
        demo.read_text()
        .replace("from pathlib import Path\n", "from pathlib import Path\n\nimport shared_helper\n")
        .replace("total = sum(", "total = shared_helper.OFFSET + sum(")
    )
    run = run_lesson(fake_lesson, quick=True, out_dir=tmp_path, echo=False)
    assert run.demos[0].result == {"total": 7 + 45}
    assert "shared_helper" not in sys.modules, "a lesson's helpers do not leak into the next"
    assert str(fake_lesson.folder) not in sys.path


def test_a_missing_demo_the_post_includes_is_named(
    fake_lesson: WrittenLesson, tmp_path: Path
) -> None:
    from coursetools.errors import CourseError

    (fake_lesson.folder / "demo_sum.py").unlink()
    with pytest.raises(CourseError, match=r"demo_sum\.py, which is missing"):
        run_lesson(fake_lesson, quick=True, out_dir=tmp_path, echo=False)


def test_print_options_a_demo_sets_do_not_leak(fake_lesson: WrittenLesson, tmp_path: Path) -> None:
    import numpy as np

    demo = fake_lesson.folder / "demo_sum.py"
    demo.write_text(
        demo.read_text().replace(
            "    total = sum(",
            "    import numpy\n\n    numpy.set_printoptions(precision=1, floatmode='fixed')\n"
            "    total = sum(",
        )
    )
    before = np.get_printoptions()
    run_lesson(fake_lesson, quick=True, out_dir=tmp_path, echo=False)
    assert np.get_printoptions() == before
    assert str(np.array([1.0, 3.0])) == "[1. 3.]"
