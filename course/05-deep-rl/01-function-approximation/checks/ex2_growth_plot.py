"""Check of exercise 2: the returned entries against bins ** d * actions, on random
settings (one reaching 20 ** 15, past int64), and the plotted lines, labels and legend."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_dtype,
    expect_shape,
    expect_true,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)

Case = tuple[list[int], int, int]


def random_case(rng: np.random.Generator) -> Case:
    bins = sorted(
        int(b) for b in rng.choice(np.arange(2, 12), size=int(rng.integers(2, 5)), replace=False)
    )
    return bins, int(rng.integers(3, 9)), int(rng.integers(2, 6))


def check_entries(
    got: np.ndarray, bins: list[int], max_dims: int, n_actions: int, what: str
) -> None:
    dims = np.arange(1, max_dims + 1)
    expected = np.array([float(b) ** dims * n_actions for b in bins])
    expect_shape(got, expected.shape, what)
    if np.allclose(got * n_actions, expected, rtol=1e-9):
        raise CheckFailed(
            f"{what}: each entry is {n_actions} times too small: a table has bins ** d rows "
            "times n_actions columns"
        )
    if np.allclose(got, np.array([float(b) ** (dims - 1) * n_actions for b in bins]), rtol=1e-9):
        raise CheckFailed(
            f"{what}: the entries are those of d - 1 numbers: d runs from 1 to max_dims"
        )
    if np.any(got <= 0):
        raise CheckFailed(
            f"{what}: got entries <= 0, {got[got <= 0][:3].tolist()}; an int64 power "
            "overflowed: compute with floats"
        )
    if not np.allclose(got, expected, rtol=1e-9):
        i, d = np.unravel_index(np.argmax(np.abs(got - expected) / expected), expected.shape)
        raise CheckFailed(
            f"{what}: entry [{i}, {d}] (bins {bins[i]}, d = {d + 1}) should be "
            f"{bins[i]} ** {d + 1} * {n_actions} = {expected[i, d]:.6g}, got {got[i, d]:.6g}; "
            "a table grows as bins ** d, not bins * d"
        )


def check(module: ModuleType) -> None:
    plot_table_growth = get_function(module, "plot_table_growth")
    cases: list[Case] = [([3, 20], 15, 2), *random_cases(52, 4, random_case)]
    with tempfile.TemporaryDirectory() as tmp:
        for number, (bins, max_dims, n_actions) in enumerate(cases):
            path = Path(tmp) / f"growth{number}.png"
            what = f"plot_table_growth({bins}, {max_dims}, {n_actions}, path)"
            with recorded_figures() as figures:
                got = expect_type(
                    plot_table_growth(bins, max_dims, n_actions, path), np.ndarray, what
                )
            expect_dtype(got, np.float64, what)
            check_entries(got, bins, max_dims, n_actions, what)
            figure = saved_to(figures, path, what)
            axes = figure.axes[0]
            expect_true(
                bool(axes.xlabel and axes.ylabel), f"{what}: label both axes (d and the entries)"
            )
            expect_true(bool(axes.title or figure.suptitle), f"{what}: give the figure a title")
            lines = [line for line in axes.lines if len(line.x) == max_dims]
            expect_true(
                len(lines) == len(bins),
                f"{what}: expected one line of {max_dims} points per number of bins ({len(bins)}), "
                f"got {len(lines)}",
            )
            for line, b, row in zip(lines, bins, got, strict=True):
                expect_true(
                    np.allclose(line.x, np.arange(1, max_dims + 1)) and np.allclose(line.y, row),
                    f"{what}: the line for {b} bins should run through x = 1 .. {max_dims} and "
                    f"the returned entries, got x = {line.x.tolist()}",
                )
            expect_true(
                len(axes.legend) >= len(bins),
                f"{what}: add a legend naming the number of bins of each line (ax.legend())",
            )
