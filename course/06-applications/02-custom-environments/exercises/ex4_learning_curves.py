"""Exercise 4: learning curves over seeds with a standard-error band.

Each seed ends its episodes at different environment steps, so the curves are first read
at common steps, then averaged. Write ``curve_on_grid``, ``mean_and_band`` and
``plot_learning_curves``, then run this file and `rlcourse check 6.2`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (you will need it)
import numpy as np

from rlcourse.curves import moving_average  # noqa: F401


def curve_on_grid(
    returns: Sequence[float], end_steps: Sequence[int], window: int, grid: np.ndarray
) -> np.ndarray:
    """The moving average of ``window`` consecutive episode returns, each placed at the
    step where the last episode of its window ended, read at the steps of ``grid`` by
    linear interpolation (np.interp). Shape: grid's."""
    raise NotImplementedError("curve_on_grid")


def mean_and_band(curves: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """curves: (seeds, points). The mean over seeds and its standard error, each (points,),
    with the sample standard deviation (ddof=1)."""
    raise NotImplementedError("mean_and_band")


def plot_learning_curves(grid: np.ndarray, curves: np.ndarray, path: Path) -> None:
    """The mean curve with a band of ± one standard error, x = environment steps; labelled
    axes, a title and a legend naming the mean and the band; saved to ``path``."""
    raise NotImplementedError("plot_learning_curves")


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    grid = np.linspace(2_000, 20_000, 50)
    curves = []
    for _ in range(5):  # made-up runs: returns that rise with noise, uneven episode lengths
        end_steps = np.cumsum(rng.integers(20, 60, size=600))
        returns = np.tanh(end_steps / 8_000) * 10 + rng.normal(0, 3, size=600)
        curves.append(curve_on_grid(returns.tolist(), end_steps.tolist(), 50, grid))
    plot_learning_curves(grid, np.stack(curves), Path("learning_curves.png"))
    print("saved learning_curves.png")
