"""How the full-mode tests run a lesson's demo: as ``rlcourse run`` does, with the
lesson's folder importable, so that a demo finds the modules that sit beside it
(5.3's ``ablation``, 5.4's ``lunar``, 6.5's ``thermostat``, 7.1's ``world_model``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coursetools.file_import import import_file
from coursetools.lessons import WrittenLesson
from coursetools.runner import build_config, sibling_imports


def run_demo(lesson: WrittenLesson, stem: str, out_dir: Path, quick: bool = False) -> Any:
    """A fresh run of ``lesson``'s demo ``stem`` into ``out_dir``: its Result. The full run
    unless ``quick`` (the values of ``[quick.<stem>]`` in lesson.toml)."""
    overrides = lesson.quick_overrides(stem) if quick else {}
    with sibling_imports(lesson.folder):
        demo = import_file(lesson.folder / f"{stem}.py")
        return demo.main(build_config(demo.Config, overrides, out_dir, stem))
