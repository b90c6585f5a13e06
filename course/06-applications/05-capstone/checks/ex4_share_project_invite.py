"""Check of Exercise 4 of Part 6.5: the results table, parsed and compared with means and
standard errors computed here over seeds, on seeded random returns."""

from __future__ import annotations

import re
from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_equal,
    expect_type,
    get_function,
    random_cases,
)

ROW = re.compile(r"^\|\s*(.+?)\s*\|\s*(-?[\d.]+)\s*±\s*([\d.]+)\s*\|\s*(\d+)\s*×\s*(\d+)\s*\|$")


def make_case(rng: np.random.Generator) -> dict[str, np.ndarray]:
    seeds = int(rng.integers(3, 6))
    names = ["agent", "random", "thermostat", "always off"][: int(rng.integers(2, 5))]
    # Each seed's level differs (seeds differ more than episodes do), as in real runs.
    return {
        name: rng.normal(rng.normal(-20, 8), 1.0, size=(seeds, 1))
        + rng.normal(0, 6, size=(seeds, int(rng.integers(20, 60))))
        for name in names
    }


def check(module: ModuleType) -> None:
    results_table = get_function(module, "results_table")
    for returns in random_cases(64, 4, make_case):
        table = expect_type(results_table(returns), str, "results_table(...)")
        lines = [line.strip() for line in table.strip().splitlines()]
        expect_equal(
            len(lines), len(returns) + 2, "number of lines (header, separator, one per policy)"
        )
        rows = [ROW.match(line) for line in lines[2:]]
        if not all(rows):
            raise CheckFailed(
                f"rows must look like '| agent | -6.41 ± 0.12 | 3 × 100 |', got {lines[2:]}"
            )
        want = {}
        for name, data in returns.items():
            per_seed = data.mean(axis=1)
            want[name] = (per_seed.mean(), per_seed.std(ddof=1) / np.sqrt(len(per_seed)))
        order = sorted(want, key=lambda name: want[name][0], reverse=True)
        got_order = [row[1] for row in rows if row]
        if got_order != order:
            raise CheckFailed(f"rows in the order {got_order}, expected best first: {order}")
        for row in rows:
            assert row is not None
            name, mean, error = row[1], float(row[2]), float(row[3])
            seeds, episodes = returns[name].shape
            if abs(mean - want[name][0]) > 0.006:
                raise CheckFailed(
                    f"{name}: mean {mean}, expected {want[name][0]:.2f} "
                    "(the mean over seeds of each seed's mean)"
                )
            if abs(error - want[name][1]) > 0.006:
                pooled = returns[name].std(ddof=1) / np.sqrt(returns[name].size)
                hint = (
                    "that is the standard error of all episodes pooled; seeds are the independent "
                    "runs: take each seed's mean first, then the standard error over seeds"
                    if abs(error - pooled) <= 0.006
                    else "standard error over seeds = sample std (ddof=1) of the seed means "
                    "/ sqrt(seeds)"
                )
                raise CheckFailed(
                    f"{name}: standard error {error}, expected {want[name][1]:.2f}: {hint}"
                )
            expect_equal((int(row[4]), int(row[5])), (seeds, episodes), f"{name}: seeds × episodes")
