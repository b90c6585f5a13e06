"""Check for exercise 1: the report must agree with torch itself and with the sum formula."""

from __future__ import annotations

from types import ModuleType

import torch

from coursetools.check_helpers import CheckFailed, expect_equal, expect_type, get_function

EXPECTED_KEYS = {"torch_version", "cuda_available", "mps_available", "sum_of_squares"}


def sum_of_squares_formula(n: int) -> int:
    """n(n + 1)(2n + 1)/6, computed by Python without torch."""
    return n * (n + 1) * (2 * n + 1) // 6


def check(module: ModuleType) -> None:
    installation_report = get_function(module, "installation_report")
    report = expect_type(installation_report(10), dict, "installation_report(10)")
    keys = set(report)
    if keys != EXPECTED_KEYS:
        missing = sorted(EXPECTED_KEYS - keys)
        extra = sorted(keys - EXPECTED_KEYS)
        raise CheckFailed(f"report keys: missing {missing}, unexpected {extra}")

    version = expect_type(report["torch_version"], str, "report['torch_version']")
    expect_equal(version, str(torch.__version__), "report['torch_version']")
    for key, truth in [
        ("cuda_available", torch.cuda.is_available()),
        ("mps_available", torch.backends.mps.is_available()),
    ]:
        flag = expect_type(report[key], bool, f"report[{key!r}]")
        expect_equal(flag, truth, f"report[{key!r}]")

    for n in (1, 10, 1000):
        value = installation_report(n)["sum_of_squares"]
        if isinstance(value, bool) or not isinstance(value, int):
            raise CheckFailed(
                f"sum_of_squares for n = {n}: expected a Python int, got {type(value).__name__} "
                "(use .item() and int())"
            )
        expect_equal(value, sum_of_squares_formula(n), f"sum_of_squares for n = {n}")
