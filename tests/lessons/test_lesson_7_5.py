"""Lesson 7.5: DistributedDataParallel on 2 CPU processes (gloo) launched by torchrun,
checked against one process, and a crash recovered by torchrun's restart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import torch
from torch import nn

from coursetools.file_import import import_file
from coursetools.lessons import load
from rlcourse.training import fit
from tests.lessons.conftest import QuickRun

LESSON = load("7.5")
SETTINGS = ["--steps", "12", "--rows", "1024", "--hidden", "32", "--checkpoint-every", "5"]


@pytest.fixture(scope="module")
def helpers() -> tuple[Any, Any]:
    return (
        import_file(LESSON.folder / "ddp_train.py", "lesson_7_5_ddp_train"),
        import_file(LESSON.folder / "launch.py", "lesson_7_5_launch"),
    )


def test_ddp_on_two_processes_matches_one_process_and_survives_a_crash(
    helpers: tuple[Any, Any], tmp_path: Path
) -> None:
    ddp_train, launch = helpers
    script = LESSON.folder / "ddp_train.py"
    clean, faulty = tmp_path / "clean", tmp_path / "faulty"
    clean.mkdir()
    faulty.mkdir()
    launch.torchrun(script, 2, ["--out-dir", str(clean), *SETTINGS], timeout=180)
    launch.torchrun(
        script,
        2,
        ["--out-dir", str(faulty), *SETTINGS, "--fail-at-step", "7"],
        timeout=180,
        max_restarts=1,
    )
    cfg = ddp_train.Config(out_dir=tmp_path, steps=12, rows=1024, hidden=32)
    model, optimizer = ddp_train.make_model(cfg)
    inputs, targets = ddp_train.make_data(cfg.rows, cfg.seed)
    fit(model, nn.functional.mse_loss, optimizer, inputs, targets, epochs=cfg.steps)
    two = torch.load(clean / "final.pt", weights_only=True)
    recovered = torch.load(faulty / "final.pt", weights_only=True)
    for name, one in model.state_dict().items():
        # The averaged shard gradients equal the full-batch gradient in exact arithmetic;
        # float32 sums in another order, so equality holds to rounding, not bit for bit.
        torch.testing.assert_close(two[name], one, rtol=0, atol=1e-5)
        # The restarted processes redo steps 5 and 6 from the checkpoint of step 5: the
        # same computation on the same numbers, so the same bits.
        assert torch.equal(recovered[name], two[name]), name
    report = json.loads((faulty / "report_1.json").read_text())
    assert report["resumed_from"] == 5 and report["world"] == 2


def test_torchrun_failure_is_one_clear_error(helpers: tuple[Any, Any], tmp_path: Path) -> None:
    _, launch = helpers
    with pytest.raises(RuntimeError, match="torchrun failed"):
        launch.torchrun(
            LESSON.folder / "ddp_train.py",
            2,
            ["--out-dir", str(tmp_path), "--rows", "1001"],
            timeout=120,
        )


def test_quick_run_resumes_exactly_and_reads_the_file(quick_run: QuickRun) -> None:
    results = quick_run(LESSON.id).results
    checkpoints = results["demo_checkpoints"]
    assert checkpoints["resumed_equal"] and checkpoints["without_optimizer_difference"] > 0
    assert checkpoints["loaded_devices"]["meta"] == "meta"
    assert (
        "module." in checkpoints["wrapped_error"] or "Missing key" in checkpoints["wrapped_error"]
    )
    assert results["demo_memmap"]["rows_match"]
    ddp = results["demo_ddp"]
    assert ddp["data_parallel_same"] and ddp["recovered_equal"] and ddp["restarts"] == 1
    assert ddp["max_difference"] < 1e-5
    assert all(
        rate > 0
        for row in results["demo_scaling"]["steps_per_second"].values()
        for rates in row.values()
        for rate in rates
    )
