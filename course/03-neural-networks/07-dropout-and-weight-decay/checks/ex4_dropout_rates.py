"""Check for exercise 4: the one-standard-error rate on seeded random sweeps (rates not
always sorted), and the plotted line and band read back."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_true,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)


def make_case(rng: np.random.Generator) -> tuple[list[float], list[float], list[float]]:
    rates = [0.0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9]
    means = [
        float(m) for m in 0.85 + 0.05 * np.sin(np.array(rates) * 3) + rng.normal(scale=0.01, size=7)
    ]
    sems = [float(s) for s in rng.uniform(0.005, 0.03, size=7)]
    order = rng.permutation(7)
    return [rates[i] for i in order], [means[i] for i in order], [sems[i] for i in order]


def reference(rates: list[float], means: list[float], sems: list[float]) -> float:
    best = int(np.argmax(means))
    return min(r for r, m in zip(rates, means, strict=True) if m >= means[best] - sems[best])


def check(module: ModuleType) -> None:
    choose = get_function(module, "one_standard_error_rate")
    cases = random_cases(4, 6, make_case)
    cases.append(([0.0, 0.2, 0.5], [0.80, 0.86, 0.87], [0.01, 0.01, 0.02]))  # 0.2 is within
    for rates, means, sems in cases:
        shown = [[round(v, 3) for v in values] for values in (means, sems)]
        what = f"one_standard_error_rate(rates={rates}, means={shown[0]}, sems={shown[1]})"
        got = choose(list(rates), list(means), list(sems))
        expected = reference(rates, means, sems)
        best = rates[int(np.argmax(means))]
        if got == best and best != expected:
            raise CheckFailed(
                f"{what}: {got} has the highest mean, but {expected} is within one standard "
                "error of it and milder: return the smallest rate that is good enough"
            )
        within = [
            r
            for r, m in zip(rates, means, strict=True)
            if m >= means[rates.index(best)] - sems[rates.index(best)]
        ]
        if got == max(within) and got != expected:
            raise CheckFailed(
                f"{what}: {got} is the largest rate within one standard error; take the smallest"
            )
        expect_equal(got, expected, what)
    plot = get_function(module, "plot_sweep")
    rates, means, sems = [0.0, 0.3, 0.6], [0.8, 0.9, 0.85], [0.02, 0.01, 0.03]
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "sweep.png"
        plot(rates, means, sems, path)
        figure = saved_to(figures, path, "plot_sweep")
    axes = next((a for a in figure.axes if a.lines), None)
    if axes is None:
        raise CheckFailed("plot_sweep: draw the means as a line (ax.plot)")
    expect_close(axes.lines[0].y, np.array(means), "plot_sweep: the plotted means")
    expect_close(axes.lines[0].x, np.array(rates), "plot_sweep: the rates on the x axis")
    expect_equal(len(axes.fills), 1, "plot_sweep: bands drawn with fill_between")
    band = axes.fills[0]
    extent = np.array([band[:, 1].min(), band[:, 1].max()])
    what = "plot_sweep: the band's lowest and highest points (mean - sem, mean + sem)"
    expect_close(extent, np.array([0.78, 0.91]), what)
    expect_true(bool(axes.xlabel and axes.ylabel), "plot_sweep: label both axes")
    expect_true(bool(axes.title or figure.suptitle), "plot_sweep: give the figure a title")
