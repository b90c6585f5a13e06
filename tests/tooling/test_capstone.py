"""``rlcourse capstone``: a new project that runs, lints and tests clean; the sharing
checklist, which fails until the project is written up; the published post."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from coursetools import capstone, cli

SRC = Path(capstone.__file__).resolve().parents[1]  # src/, where rlcourse and coursetools live


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("projects") / "Heat Pump-2"
    capstone.create_project(folder, today=datetime.date(2026, 11, 30))
    return folder


def test_a_project_gets_the_promised_files_named_after_its_folder(project: Path) -> None:
    files = {path.relative_to(project).as_posix() for path in project.rglob("*") if path.is_file()}
    assert files == {
        "README.md",
        "post.md",
        "pyproject.toml",
        "train.py",
        "plot.py",
        "heat_pump_2/__init__.py",
        "heat_pump_2/env.py",
        "tests/test_env.py",
        "tests/test_train.py",
    }
    init = (project / "heat_pump_2" / "__init__.py").read_text(encoding="utf-8")
    assert 'ENV_ID = "heat_pump_2/Project-v0"' in init
    assert 'date = "2026-11-30"' in (project / "post.md").read_text(encoding="utf-8")


def test_no_placeholder_is_left(project: Path) -> None:
    for path in project.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            for placeholder in ("__PACKAGE__", "__ENV_ID__", "__TITLE__", "__DATE__"):
                assert placeholder not in text, f"{placeholder} left in {path.name}"


def test_the_projects_files_lint_clean_with_ruff(project: Path) -> None:
    for command in (["check"], ["format", "--check"]):
        done = subprocess.run(
            [sys.executable, "-m", "ruff", *command, "."],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_projects_own_tests_pass(project: Path) -> None:
    environment = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "4 passed" in done.stdout


@pytest.mark.parametrize(
    ("name", "package"),
    [("my-heater", "my_heater"), ("Heat Pump 2", "heat_pump_2"), ("2048", "project_2048")],
)
def test_package_names_are_python_identifiers(tmp_path: Path, name: str, package: str) -> None:
    assert capstone.package_name(tmp_path / name) == package


def test_a_non_empty_folder_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert cli.main(["capstone", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not empty" in err
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]  # nothing written


def write_up(project: Path) -> None:
    """What a learner does before sharing: run, plot, write the post and README, license."""
    results = {
        "seeds": [0, 1, 2],
        "eval_episodes": 100,
        "policies": {
            "agent": {"mean": -3.21, "standard_error": 0.44},
            "random": {"mean": -17.5, "standard_error": 1.06},
        },
    }
    (project / "results").mkdir()
    (project / "results" / "results.json").write_text(json.dumps(results), encoding="utf-8")
    (project / "plots").mkdir()
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    fig.savefig(project / "plots" / "learning_curves.png")
    plt.close(fig)
    (project / "LICENSE").write_text("MIT License\n", encoding="utf-8")
    (project / "README.md").write_text("# Heat pump\n\nWhat I learned: a lot.\n", "utf-8")
    post = (project / "post.md").read_text(encoding="utf-8")
    post = post.replace("TODO: your name", "A. Learner")
    post = post.replace("![TODO: what the figure shows]", "![Returns per training episode]")
    sentence = "The agent scored -3.2 ± 0.4, the random policy -17.5 ± 1.1."
    lines = [sentence if "TODO" in line else line for line in post.splitlines()]
    (project / "post.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def failing(project: Path) -> list[str]:
    return [item.name for item in capstone.check_project(project) if not item.passed]


def test_the_checklist_fails_a_fresh_project_and_passes_a_written_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "heater"
    assert cli.main(["capstone", str(project)]) == 0
    assert len(failing(project)) == 5  # TODO, results, numbers, figures, license
    assert cli.main(["capstone", str(project), "--check"]) == 1
    assert "3 of 8 checklist items pass" in capsys.readouterr().out
    write_up(project)
    assert failing(project) == []
    assert cli.main(["capstone", str(project), "--check"]) == 0


@pytest.mark.parametrize(
    ("spoil", "item"),
    [
        (lambda post: post.replace("-17.5", "-17"), "states each result"),
        (lambda post: post.replace("![Returns per training episode]", "![]"), "every plot"),
        (lambda post: post.replace("## Mathematics", "## Maths"), "six sections"),
        (lambda post: post.replace('author = "A. Learner"', ""), "front matter"),
        (lambda post: post + "\nTODO: thank the reviewers\n", "no TODO left"),
    ],
)
def test_each_checklist_item_can_fail(
    tmp_path: Path, spoil: Callable[[str], str], item: str
) -> None:
    project = tmp_path / "heater"
    capstone.create_project(project)
    write_up(project)
    post = project / "post.md"
    post.write_text(spoil(post.read_text(encoding="utf-8")), encoding="utf-8")
    failed = failing(project)
    assert len(failed) == 1 and item in failed[0], failed


def test_too_few_seeds_fail_the_results_item(tmp_path: Path) -> None:
    project = tmp_path / "heater"
    capstone.create_project(project)
    write_up(project)
    path = project / "results" / "results.json"
    results = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**results, "seeds": [0]}), encoding="utf-8")
    assert failing(project) == ["results from at least 3 seeds and 100 evaluation episodes"]


def test_publish_expands_the_code_and_copies_the_figures(tmp_path: Path) -> None:
    project = tmp_path / "heater"
    capstone.create_project(project)
    with pytest.raises(capstone.CourseError, match="checklist item"):
        capstone.publish(project, tmp_path / "blog")
    write_up(project)
    post = capstone.publish(project, tmp_path / "blog")
    text = post.read_text(encoding="utf-8")
    assert "class ProjectEnv(gym.Env" in text and "--8<--" not in text
    assert "(learning_curves.png)" in text
    assert (tmp_path / "blog" / "learning_curves.png").is_file()
