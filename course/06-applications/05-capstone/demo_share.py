"""Demo 4: `rlcourse capstone` starts a project of your own, and its checklist says what
is missing before the project can be shared."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import tyro

from coursetools.capstone import check_project, create_project


@dataclass(frozen=True)
class Config:
    name: str = "heat-pump"  # the project's folder name
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    files: list[str]  # what `rlcourse capstone` wrote
    failing: list[str]  # checklist items a fresh project fails


def main(cfg: Config) -> Result:
    with tempfile.TemporaryDirectory() as scratch:
        # --8<-- [start:share]
        project = Path(scratch) / cfg.name
        files = [path.relative_to(project).as_posix() for path in create_project(project)]
        print(f"rlcourse capstone {cfg.name} wrote:", *files, sep="\n  ")
        items = check_project(project)  # what `rlcourse capstone heat-pump --check` prints
        print("\nchecklist of a fresh project:")
        for item in items:
            print(f"[{'x' if item.passed else ' '}] {item.name}")
        # --8<-- [end:share]
    return Result(files, [item.name for item in items if not item.passed])


if __name__ == "__main__":
    main(tyro.cli(Config))
