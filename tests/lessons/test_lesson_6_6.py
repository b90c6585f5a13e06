"""Lesson 6.6: the timer and the autocast wrapper the demos rest on, and the committed
outputs' claims that are not timings (the device they name, the exact resume)."""

from __future__ import annotations

import json
import time

import torch

from coursetools.file_import import import_file
from coursetools.lessons import load
from coursetools.runner import sibling_imports

LESSON = load("6.6")
with sibling_imports(LESSON.folder):
    workload = import_file(LESSON.folder / "workload.py")


def test_median_seconds_skips_the_warmup_and_ignores_one_slow_run() -> None:
    calls: list[int] = []
    durations = iter([0.3, 0.01, 0.01, 0.2, 0.01, 0.01])  # warm-up, then one disturbed run

    def work() -> None:
        calls.append(1)
        time.sleep(next(durations))

    median = workload.median_seconds(work, torch.device("cpu"), repeats=5, warmup=1)
    assert len(calls) == 6
    assert 0.009 < median < 0.1


def test_autocast_runs_the_network_in_bfloat16_and_returns_float32_scores() -> None:
    network = workload.make_network((16,), torch.device("cpu"), seed=0)
    seen: list[torch.dtype] = []
    network[0].register_forward_hook(lambda _m, _i, output: seen.append(output.dtype))
    scores = workload.with_autocast(network, torch.bfloat16)(torch.randn(5, 64))
    assert seen == [torch.bfloat16]
    assert scores.dtype == torch.float32
    assert workload.with_autocast(network, None) is network
    assert workload.autocast_dtype(torch.device("cpu")) == torch.bfloat16


def test_the_committed_outputs_name_the_cpu_and_resume_exactly() -> None:
    results = json.loads((LESSON.outputs / "results.json").read_text(encoding="utf-8"))
    assert {results[demo]["device"] for demo in results} == {"cpu"}
    assert results["demo_checkpoint"]["resumed_equals_unbroken"] is True
    sizes = results["demo_checkpoint"]
    assert sizes["bfloat16_bytes"] < 0.6 * sizes["weights_bytes"]  # 2 bytes a weight, not 4
    assert sizes["checkpoint_bytes"] > 2.5 * sizes["weights_bytes"]  # Adam's two moments
