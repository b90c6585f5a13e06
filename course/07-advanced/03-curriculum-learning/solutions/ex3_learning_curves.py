"""Exercise 3: learning curves with bands against environment steps, not episodes: a
curriculum's early episodes are short, so per episode it looks cheaper than it is not.

Each seed evaluates at its own step counts, so the curves are first put on one grid of
steps. Fill in the three functions, then run this file and `rlcourse check 7.3`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np


def mean_and_band(curves: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """curves: (seeds, points), one learning curve per row. The mean over the seeds and the
    band mean - standard error, mean + standard error, each (points,); the standard error
    is the sample standard deviation (n - 1) over sqrt(seeds)."""
    mean = curves.mean(axis=0)
    error = curves.std(axis=0, ddof=1) / np.sqrt(curves.shape[0])
    return mean, mean - error, mean + error


def on_step_grid(steps: np.ndarray, values: np.ndarray, grid: np.ndarray) -> np.ndarray:
    """steps, values: (seeds, points), each row's evaluations at increasing step counts.
    (seeds, len(grid)): at each grid step, the last value evaluated at or before it, or 0
    before a seed's first evaluation (nothing has been learned yet)."""
    out = np.zeros((len(steps), len(grid)))
    for seed, (row_steps, row_values) in enumerate(zip(steps, values, strict=True)):
        last = np.searchsorted(row_steps, grid, side="right") - 1  # -1: before the first
        out[seed] = np.where(last >= 0, row_values[np.maximum(last, 0)], 0.0)
    return out


def plot_learning_curves(curves: dict[str, np.ndarray], grid: np.ndarray, path: Path) -> None:
    """For each entry ((seeds, len(grid)) values on the grid), its mean curve against
    ``grid`` as a line labelled with the key, and its band as a filled area
    (fill_between); axes labelled, a title, a legend."""
    fig, ax = plt.subplots(figsize=(7, 4), layout="constrained")
    for name, runs in curves.items():
        mean, low, high = mean_and_band(runs)
        ax.plot(grid, mean, label=name)
        ax.fill_between(grid, low, high, alpha=0.25)
    ax.set_xlabel("environment steps")
    ax.set_ylabel("success on the hardest task")
    ax.set_title(
        f"Learning curves, mean ± standard error of {len(next(iter(curves.values())))} seeds"
    )
    ax.legend()
    fig.savefig(path)
    plt.close(fig)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    # Made-up runs shaped like Demo 3's: 5 seeds, 30 evaluations, success rising at a
    # seed-dependent step; the curriculum's episodes are shorter, so its steps grow slower.
    grid = np.linspace(0, 15_000, 61)
    curves = {}
    for name, episode_length, centre in (("curriculum", 15.0, 2_500.0), ("none", 50.0, 11_000.0)):
        steps = np.cumsum(rng.uniform(0.5, 1.5, (5, 30)) * episode_length * 10, axis=1)
        success = 1 / (1 + np.exp(-(steps - centre - rng.normal(0, 800, (5, 1))) / 600))
        curves[name] = on_step_grid(steps, success, grid)
    plot_learning_curves(curves, grid, Path("curves.png"))
    print("saved curves.png")
