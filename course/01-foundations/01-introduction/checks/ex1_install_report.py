"""Check for exercise 1: the report must agree with torch itself (also when torch is made
to report other accelerators) and with the sum formula."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any
from unittest import mock

import torch

from coursetools.check_helpers import CheckFailed, expect_equal, expect_type, get_function

EXPECTED_KEYS = {"torch_version", "cuda_available", "mps_available", "sum_of_squares"}


def sum_of_squares_formula(n: int) -> int:
    """n(n + 1)(2n + 1)/6, computed by Python without torch."""
    return n * (n + 1) * (2 * n + 1) // 6


def check_flags(installation_report: Callable[..., Any]) -> None:
    """The flags must come from torch: the check makes torch report each accelerator."""
    for cuda, mps in ((True, False), (False, True), (False, False)):
        with (
            mock.patch.object(torch.cuda, "is_available", lambda cuda=cuda: cuda),
            mock.patch.object(torch.backends.mps, "is_available", lambda mps=mps: mps),
        ):
            report = expect_type(installation_report(3), dict, "installation_report(3)")
        for key, truth in (("cuda_available", cuda), ("mps_available", mps)):
            flag = expect_type(report[key], bool, f"report[{key!r}]")
            expect_equal(
                flag,
                truth,
                f"report[{key!r}] while torch says cuda {cuda}, mps {mps} (ask "
                "torch.cuda.is_available() and torch.backends.mps.is_available())",
            )


def check(module: ModuleType) -> None:
    installation_report = get_function(module, "installation_report")
    report = expect_type(installation_report(10), dict, "installation_report(10)")
    keys = set(report)
    if keys != EXPECTED_KEYS:
        missing = sorted(EXPECTED_KEYS - keys)
        extra = sorted(keys - EXPECTED_KEYS)
        raise CheckFailed(f"report keys: missing {missing}, unexpected {extra}")

    version = report["torch_version"]
    if type(version) is not str:
        raise CheckFailed(
            f"report['torch_version']: expected a plain str, got {type(version).__name__} "
            "(torch.__version__ is a subclass of str: wrap it in str())"
        )
    expect_equal(version, str(torch.__version__), "report['torch_version']")
    check_flags(installation_report)

    for n in (1, 10, 1000, 2000):
        value = installation_report(n)["sum_of_squares"]
        if isinstance(value, bool) or not isinstance(value, int):
            raise CheckFailed(
                f"sum_of_squares for n = {n}: expected a Python int, got {type(value).__name__} "
                "(use .item() and int())"
            )
        expected = sum_of_squares_formula(n)
        if value == int((torch.arange(1.0, n + 1.0) ** 2).sum().item()) != expected:
            raise CheckFailed(
                f"sum_of_squares for n = {n}: expected {expected}, got {value}, the float32 "
                "sum: above 2^24 float32 cannot hold every integer, so use an integer tensor"
            )
        if value == sum_of_squares_formula(n - 1):
            raise CheckFailed(
                f"sum_of_squares for n = {n}: expected {expected}, got {value}, which leaves "
                f"out {n}²: torch.arange(start, end) stops before end"
            )
        expect_equal(value, expected, f"sum_of_squares for n = {n}")
