"""Check of Exercise 3 of Part 6.5: the figure's data (the mean line, the band, the
baseline), recorded as it was saved, on seeded random returns."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_true,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)


def check(module: ModuleType) -> None:
    plot = get_function(module, "plot_learning_curves")
    cases = random_cases(
        63,
        3,
        lambda rng: (
            rng.normal(-20, 5, size=(int(rng.integers(3, 6)), 40)),
            int(rng.integers(3, 8)),
        ),
    )
    for returns, window in cases:
        kernel = np.ones(window) / window
        smooth = np.array([np.convolve(row, kernel, mode="valid") for row in returns])
        mean = smooth.mean(axis=0)
        error = smooth.std(axis=0, ddof=1) / np.sqrt(len(smooth))
        x = np.arange(window, returns.shape[1] + 1)
        with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
            path = Path(folder) / "curves.png"
            plot(returns, -7.5, window, path)
            figure = saved_to(figures, path, "plot_learning_curves")
        axes = figure.axes[0]
        lines = [line for line in axes.lines if len(line.x) == len(x)]
        expect_true(
            any(np.allclose(line.y, mean) and np.allclose(line.x, x) for line in lines),
            f"no line of the mean over seeds at x = {window}..{returns.shape[1]}: average "
            "each seed's moving average over the seeds (axis 0), not over episodes",
        )
        expect_true(
            any(np.allclose(line.y, -7.5) for line in axes.lines),
            "no horizontal line at the baseline -7.5 (ax.axhline(baseline))",
        )
        tops = [fill[:, 1].max() for fill in axes.fills]
        bottoms = [fill[:, 1].min() for fill in axes.fills]
        want_top, want_bottom = (mean + error).max(), (mean - error).min()
        if not any(
            np.isclose(top, want_top) and np.isclose(bottom, want_bottom)
            for top, bottom in zip(tops, bottoms, strict=True)
        ):
            spans = ", ".join(f"{b:.3f}..{t:.3f}" for b, t in zip(bottoms, tops, strict=True))
            raise CheckFailed(
                f"the band spans {spans or 'nothing'}, "
                f"expected mean ± standard error {want_bottom:.3f}..{want_top:.3f}: the standard "
                "error over seeds is the sample std (ddof=1) divided by sqrt(number of seeds)"
            )
        expect_true(
            bool(axes.xlabel and axes.ylabel and (axes.title or figure.suptitle)),
            "the figure needs a title and both axis labels",
        )
        expect_true(
            len(axes.legend) >= 2,
            f"the legend has {axes.legend}: a reader needs to tell the agent from the baseline",
        )
