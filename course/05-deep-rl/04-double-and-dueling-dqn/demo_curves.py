"""Demo 5: the learning curves of Demo 3's runs side by side, one panel per variant, and
their mean over seeds on a common grid of environment steps."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro

from lunar import VARIANTS, Run, load_runs
from rlcourse.curves import moving_average

LANDED = 200.0


@dataclass(frozen=True)
class Config:
    variants: tuple[str, ...] = tuple(VARIANTS)
    seeds: tuple[int, ...] = (0, 1, 2)
    window: int = 20  # episodes in each moving average
    grid_points: int = 60  # environment steps at which the seeds' curves are averaged
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    variants: list[str]
    first_step_above_200: list[int]  # per variant: where the mean curve reached 200; -1: never
    final_training_mean: list[float]  # per variant: the seeds' mean curve at the last grid step


# --8<-- [start:curve]
def smoothed_curve(run: Run, window: int) -> tuple[np.ndarray, np.ndarray]:
    """The moving average of a run's episode returns, each value placed at the environment
    step where the last episode of its window ended."""
    steps = np.array(run.episode_end_steps)
    return steps[window - 1 :], moving_average(run.episode_returns, window)


def mean_on_grid(runs: list[Run], window: int, grid: np.ndarray) -> np.ndarray:
    """The seeds' smoothed curves, each read off at ``grid`` (the last value known at each
    step, np.interp), then averaged: shape (len(grid),)."""
    curves = [np.interp(grid, *smoothed_curve(run, window)) for run in runs]
    return np.mean(curves, axis=0)


# --8<-- [end:curve]


def main(cfg: Config) -> Result:
    runs = load_runs(cfg.out_dir, cfg.variants, cfg.seeds)
    total = runs[cfg.variants[0]][0].steps
    grid = np.linspace(total / cfg.grid_points, total, cfg.grid_points)
    means = {name: mean_on_grid(group, cfg.window, grid) for name, group in runs.items()}
    first: list[int] = []
    print(f"mean over {len(cfg.seeds)} seeds of the {cfg.window}-episode moving average")
    for name, mean in means.items():
        above = np.flatnonzero(mean >= LANDED)
        first.append(int(grid[above[0]]) if above.size else -1)
        reached = f"from step {first[-1]:,}" if above.size else "never"
        print(f"{name:<17} reached 200 {reached}; at the end {mean[-1]:6.1f}")
    plot(cfg, runs, grid, means)
    return Result(list(runs), first, [float(mean[-1]) for mean in means.values()])


def plot(
    cfg: Config, runs: dict[str, list[Run]], grid: np.ndarray, means: dict[str, np.ndarray]
) -> None:
    """One panel per variant, sharing the y axis: each seed faint, their mean bold."""
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, axes = plt.subplots(
        1, len(runs), figsize=(3.2 * len(runs), 3.8), dpi=110, sharey=True, squeeze=False
    )
    for i, (ax, (name, group)) in enumerate(zip(axes[0], runs.items(), strict=True)):
        for run in group:
            ax.plot(*smoothed_curve(run, cfg.window), color=f"C{i}", alpha=0.3, linewidth=0.8)
        ax.plot(grid, means[name], color=f"C{i}", linewidth=2, label="mean of seeds")
        ax.axhline(LANDED, color="black", linestyle="--", linewidth=0.8, label="200")
        ax.set(xlabel="environment step", title=name, ylim=(-400, 320))
        ax.ticklabel_format(axis="x", style="sci", scilimits=(3, 3))
        ax.legend(loc="lower right", fontsize=8)
    axes[0][0].set_ylabel(f"episode return ({cfg.window}-episode mean)")
    fig.suptitle("LunarLander-v3: learning curves, one faint line per seed")
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "learning_curves.png")
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
