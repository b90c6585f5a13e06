"""Lesson 1.1: the demos compute what the post says, and the checks catch typical mistakes."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest
import torch

from coursetools.check_helpers import CheckFailed
from coursetools.file_import import import_file
from coursetools.lessons import load
from tests.lessons.conftest import QuickRun

LESSON = load("1.1")


@pytest.fixture(scope="module")
def results(quick_run: QuickRun) -> dict[str, dict[str, Any]]:
    run = quick_run(LESSON.id)
    return {demo.stem: demo.result for demo in run.demos}


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


def check_of(exercise: str) -> Callable[[ModuleType], None]:
    return import_file(LESSON.folder / "checks" / f"{exercise}.py").check


def learner(**functions: Callable[..., Any]) -> ModuleType:
    """A stand-in for a learner's file that defines ``functions``."""
    module = ModuleType("learner")
    for name, function in functions.items():
        setattr(module, name, function)
    return module


def solution(exercise: str) -> ModuleType:
    return import_file(LESSON.folder / "solutions" / f"{exercise}.py")


def test_ex1_rejects_a_float32_sum_of_squares() -> None:
    right = solution("ex1_install_report").installation_report

    def float32_report(n: int) -> dict[str, object]:
        report = dict(right(n))
        report["sum_of_squares"] = int((torch.arange(1.0, n + 1.0) ** 2).sum().item())
        return report

    with pytest.raises(CheckFailed, match="expected 333833500, got 333833504"):
        check_of("ex1_install_report")(learner(installation_report=float32_report))


def test_ex2_rejects_an_ignored_dtype_and_a_wrong_epsilon() -> None:
    right = solution("ex2_shape_and_dtype")
    ignores_dtype = learner(
        make_tensor=lambda rows, dtype: torch.tensor(rows),
        shape_and_dtype=right.shape_and_dtype,
        epsilon_by_halving=right.epsilon_by_halving,
    )
    with pytest.raises(CheckFailed, match=r"expected dtype torch\.float64, got torch\.int64"):
        check_of("ex2_shape_and_dtype")(ignores_dtype)
    one_halving_too_many = learner(
        make_tensor=right.make_tensor,
        shape_and_dtype=right.shape_and_dtype,
        epsilon_by_halving=lambda dtype: torch.finfo(dtype).eps / 2,
    )
    with pytest.raises(CheckFailed, match=r"epsilon_by_halving\(torch\.float16\): expected"):
        check_of("ex2_shape_and_dtype")(one_halving_too_many)


def test_ex3_rejects_the_wrong_preference_order() -> None:
    right = solution("ex3_device_round_trip")
    mps_first = learner(
        pick_device_name=lambda cuda, mps: "mps" if mps else ("cuda" if cuda else "cpu"),
        to_device_and_back=right.to_device_and_back,
    )
    with pytest.raises(CheckFailed, match="expected 'cuda', got 'mps'"):
        check_of("ex3_device_round_trip")(mps_first)


def test_ex4_rejects_whole_tensor_addition_and_broadcasting() -> None:
    def vectorized(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        if a.shape != b.shape:
            raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} differ")
        return a + b

    with pytest.raises(CheckFailed, match="add one pair of elements at a time"):
        check_of("ex4_elementwise_loop")(learner(add_elementwise=vectorized))

    loop = solution("ex4_elementwise_loop").add_elementwise

    def broadcasts(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        return loop(a, b.expand_as(a)) if b.shape == (1,) else loop(a, b)

    with pytest.raises(CheckFailed, match=r"shapes \(3,\) and \(1,\): expected a ValueError"):
        check_of("ex4_elementwise_loop")(learner(add_elementwise=broadcasts))
