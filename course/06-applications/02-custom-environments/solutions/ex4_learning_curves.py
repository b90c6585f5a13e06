"""Exercise 4: learning curves over seeds with a standard-error band.

Each seed ends its episodes at different environment steps, so the curves are first read
at common steps, then averaged. Write ``curve_on_grid``, ``mean_and_band`` and
``plot_learning_curves``, then run this file and `rlcourse check 6.2`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

from rlcourse.curves import moving_average


def curve_on_grid(
    returns: Sequence[float], end_steps: Sequence[int], window: int, grid: np.ndarray
) -> np.ndarray:
    """The moving average of ``window`` consecutive episode returns, each placed at the
    step where the last episode of its window ended, read at the steps of ``grid`` by
    linear interpolation (np.interp). Shape: grid's."""
    smooth = moving_average(returns, window)  # entry i ends with episode i + window - 1
    ends = np.asarray(end_steps, dtype=np.float64)[window - 1 :]
    return np.interp(grid, ends, smooth)


def mean_and_band(curves: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """curves: (seeds, points). The mean over seeds and its standard error, each (points,),
    with the sample standard deviation (ddof=1)."""
    seeds = curves.shape[0]
    return curves.mean(axis=0), curves.std(axis=0, ddof=1) / np.sqrt(seeds)


def plot_learning_curves(grid: np.ndarray, curves: np.ndarray, path: Path) -> None:
    """The mean curve with a band of ± one standard error, x = environment steps; labelled
    axes, a title and a legend naming the mean and the band; saved to ``path``."""
    mean, error = mean_and_band(curves)
    fig, ax = plt.subplots(figsize=(6.4, 3.6), layout="constrained")
    ax.plot(grid, mean, label=f"mean of {curves.shape[0]} seeds")
    ax.fill_between(grid, mean - error, mean + error, alpha=0.3, label="± standard error")
    ax.set_xlabel("environment steps")
    ax.set_ylabel("return (moving average)")
    ax.set_title("Learning curves over seeds")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)


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
