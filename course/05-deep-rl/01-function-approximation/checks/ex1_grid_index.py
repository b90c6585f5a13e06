"""Check of exercise 1: grid rows against np.ravel_multi_index on random grids with
unequal bins and observations outside the range, and table sizes up to 10^24 rows."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import CheckFailed, get_function, random_cases

Case = tuple[np.ndarray, np.ndarray, tuple[int, ...], np.ndarray]


def reference_index(
    observation: np.ndarray, low: np.ndarray, high: np.ndarray, bins: tuple[int, ...]
) -> int:
    cells = np.floor((observation - low) / (high - low) * np.array(bins)).astype(np.int64)
    return int(np.ravel_multi_index(tuple(np.clip(cells, 0, np.array(bins) - 1)), bins))


def random_case(rng: np.random.Generator) -> Case:
    d = int(rng.integers(1, 6))
    bins = tuple(int(n) for n in rng.integers(2, 8, size=d))
    low = rng.uniform(-5.0, 0.0, size=d)
    high = low + rng.uniform(0.5, 5.0, size=d)
    margin = 0.3 * (high - low)  # a third of the observations fall outside [low, high]
    observation = rng.uniform(low - margin, high + margin)
    return low, high, bins, observation


def check_index(grid_index: Callable[..., Any]) -> None:
    # Every cell of a 3 x 4 x 2 grid, observed at its centre, must get its own row.
    low, high, bins = np.zeros(3), np.array([3.0, 4.0, 2.0]), (3, 4, 2)
    rows: dict[int, tuple[int, ...]] = {}
    for cells in itertools.product(*(range(n) for n in bins)):
        row = int(grid_index(np.array(cells) + 0.5, low, high, bins))
        if row in rows:
            raise CheckFailed(
                f"grid_index with bins {bins}: cells {rows[row]} and {cells} got the same row "
                f"{row}; write the interval numbers as the digits of one number, digit i in "
                "base bins[i] (a sum, or one base for every digit, sends two cells to one row)"
            )
        rows[row] = cells
    for low, high, bins, observation in random_cases(51, 40, random_case):
        what = (
            f"grid_index({np.round(observation, 3).tolist()}, low={np.round(low, 3).tolist()}, "
            f"high={np.round(high, 3).tolist()}, bins={bins})"
        )
        got = grid_index(observation, low, high, bins)
        if isinstance(got, bool) or not isinstance(got, int | np.integer):
            raise CheckFailed(f"{what}: expected an integer row, got {type(got).__name__}")
        n_rows = math.prod(bins)
        if not 0 <= got < n_rows:
            raise CheckFailed(
                f"{what}: row {got} is outside 0..{n_rows - 1}: clip each interval number into "
                "0..bins[i] - 1, so that a value outside [low, high] goes to the end interval"
            )
        expected = reference_index(observation, low, high, bins)
        if got != expected:
            raise CheckFailed(
                f"{what}: expected row {expected}, got {got}; the interval of a value v is "
                "floor((v - low) / (high - low) * bins)"
            )


def check(module: ModuleType) -> None:
    check_index(get_function(module, "grid_index"))
    table_megabytes = get_function(module, "table_megabytes")
    for bins, n_actions in [((6, 6, 6, 6), 2), ((3, 4, 5), 3), ((1000,) * 8, 4), ((10,) * 6, 3)]:
        expected = math.prod(bins) * n_actions * 8 / 1e6
        got = float(table_megabytes(list(bins), n_actions))
        shown = list(bins) if len(set(bins)) > 1 else f"[{bins[0]}] * {len(bins)}"
        what = f"table_megabytes({shown}, {n_actions})"
        if math.isclose(got, expected / 2, rel_tol=1e-9):
            raise CheckFailed(
                f"{what}: expected {expected:.6g} MB, got half of it; a float64 takes 8 bytes"
            )
        if not math.isclose(got, expected, rel_tol=1e-9):
            raise CheckFailed(
                f"{what}: expected {expected:.6g} MB, got {got:.6g}; "
                + (
                    "the number of rows overflowed: np.prod works in int64, which holds at most "
                    "9.2e18, so multiply Python integers"
                    if math.prod(bins) > 2**63
                    else "rows = product of the bins, times n_actions entries, times 8 bytes"
                )
            )
