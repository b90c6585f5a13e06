"""Demo 4: how much episode returns swing during training, read back from Demo 2's metrics."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro

from ablation import SETTINGS, run_dir
from demo_ablation import VARIANTS, variant_config
from rlcourse.curves import moving_average
from rlcourse.metrics import read_metrics


@dataclass(frozen=True)
class Config:
    seeds: tuple[int, ...] = (0, 1, 2, 3, 4)  # Demo 2's runs
    total_steps: int = SETTINGS.total_steps  # Demo 2's budget
    window: int = 20  # episodes in each rolling standard deviation
    grid_points: int = 200  # common environment steps at which seeds are averaged
    late_fraction: float = 0.25  # "late training": the last quarter of the steps
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    variants: list[str]
    late_std: list[float]  # per variant: rolling std of returns, late training, seed mean
    late_mean: list[float]  # per variant: rolling mean of returns, same steps
    seed_spread: list[float]  # per variant: std over seeds of the final rolling mean


# --8<-- [start:rolling]
def rolling_std(returns: np.ndarray, window: int) -> np.ndarray:
    """Sample standard deviation of each run of ``window`` consecutive episodes:
    entry i covers episodes i .. i + window - 1, shape (len(returns) - window + 1,)."""
    windows = np.lib.stride_tricks.sliding_window_view(returns, window)  # (n - w + 1, w)
    return windows.std(axis=1, ddof=1)


def on_grid(end_steps: np.ndarray, values: np.ndarray, window: int, grid: np.ndarray) -> np.ndarray:
    """Values of a rolling statistic at the grid's steps; each value is placed at the step
    where the last episode of its window ended, and held until the next one."""
    known_at = end_steps[window - 1 :]
    index = np.searchsorted(known_at, grid, side="right") - 1
    return np.where(index >= 0, values[np.maximum(index, 0)], np.nan)


# --8<-- [end:rolling]


def main(cfg: Config) -> Result:
    total_steps = 0
    curves: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {}
    for name, (replay, target_network) in VARIANTS.items():
        config = variant_config(cfg.total_steps, replay, target_network)
        curves[name] = []
        for seed in cfg.seeds:
            steps, values = read_metrics(run_dir(cfg.out_dir, config, seed))["episode_return"]
            curves[name].append((np.array(steps), np.array(values)))
            total_steps = max(total_steps, steps[-1])
    # From the first step at which every run has a full window, to the end.
    first = max(steps[cfg.window - 1] for runs in curves.values() for steps, _ in runs)
    grid = np.linspace(first, total_steps, cfg.grid_points)
    late = grid >= (1 - cfg.late_fraction) * total_steps
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8), dpi=110, sharex=True)
    late_std, late_mean, spread = [], [], []
    for i, (name, runs) in enumerate(curves.items()):
        stds = np.array([on_grid(s, rolling_std(v, cfg.window), cfg.window, grid) for s, v in runs])
        means = np.array(
            [on_grid(s, moving_average(v, cfg.window), cfg.window, grid) for s, v in runs]
        )
        axes[0].plot(grid, np.nanmean(means, axis=0), color=f"C{i}", label=name)
        axes[1].plot(grid, np.nanmean(stds, axis=0), color=f"C{i}", label=name)
        late_std.append(float(np.nanmean(stds[:, late])))
        late_mean.append(float(np.nanmean(means[:, late])))
        spread.append(float(np.std(means[:, -1], ddof=1)))
    axes[0].set(xlabel="environment step", ylabel=f"mean return, last {cfg.window} episodes")
    axes[1].set(xlabel="environment step", ylabel=f"std of return, last {cfg.window} episodes")
    axes[0].set_title(f"Rolling mean ({len(cfg.seeds)}-seed average)")
    axes[1].set_title(f"Rolling standard deviation ({len(cfg.seeds)}-seed average)")
    axes[1].legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig.savefig(cfg.out_dir / "return_variability.png")
    plt.close(fig)
    print(f"last {cfg.late_fraction:.0%} of training, {cfg.window}-episode windows, seed average")
    for name, std, mean, sd in zip(curves, late_std, late_mean, spread, strict=True):
        print(
            f"{name:<18} mean {mean:6.1f}  std within runs {std:6.1f}  std across seeds {sd:6.1f}"
        )
    return Result(list(curves), late_std, late_mean, spread)


if __name__ == "__main__":
    main(tyro.cli(Config))
