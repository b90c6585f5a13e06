"""Lesson 1.1: the demos compute what the post says (its checks meet their mistakes in
test_mistakes.py)."""

from __future__ import annotations

from typing import Any

import pytest
import torch

from coursetools.lessons import load
from tests.lessons.conftest import QuickRun

LESSON = load("1.1")


@pytest.fixture(scope="module")
def results(quick_run: QuickRun) -> dict[str, dict[str, Any]]:
    run = quick_run(LESSON.id)
    return run.results


def test_install_check_sums_like_gauss(results: dict[str, dict[str, Any]]) -> None:
    install = results["demo_install_check"]
    assert install["torch_sum"] == install["formula_sum"] == 100 * 101 // 2
    assert install["install_works"] is True
    assert install["torch_version"] == str(torch.__version__)


def test_epsilons_are_the_powers_of_two_the_post_derives(
    results: dict[str, dict[str, Any]],
) -> None:
    tensors = results["demo_first_tensors"]
    assert tensors["float16_eps"] == 2.0**-10
    assert tensors["float32_eps"] == 2.0**-23
    assert tensors["float64_eps"] == 2.0**-52
    start = 2**24 - 2  # the counters' default start, just below where float32 stops
    assert tensors["float32_counter"] == [start + 1, start + 2, start + 2, start + 2]
    assert tensors["int64_counter"] == [start + 1, start + 2, start + 3, start + 4]
    assert tensors["float32_counter_stops_at"] == 2**24
    assert tensors["float32_keeps_tiny_step"] is False
    assert tensors["float64_keeps_tiny_step"] is True
    assert tensors["int_list_dtype"] == "torch.int64"
    assert tensors["float_list_dtype"] == "torch.float32"
    assert tensors["cube_numel"] == 2 * 3 * 4


def test_device_round_trip_and_elementwise_addition(results: dict[str, dict[str, Any]]) -> None:
    devices = results["demo_devices"]
    assert devices["round_trip_equal"] and devices["computed_on_device_equal"]
    hello = results["demo_hello_world"]
    assert hello["total"] == [[11.0, 22.0, 33.0], [44.0, 55.0, 66.0]]
    assert hello["loop_matches"] and hello["operator_matches_torch_add"]
    assert "(3)" in hello["mismatch_error"] and "(2)" in hello["mismatch_error"]
    assert 0 < hello["vectorized_seconds"] < hello["loop_seconds"]
