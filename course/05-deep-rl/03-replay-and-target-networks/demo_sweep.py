"""Demo 3: how often to refresh the target network, three seeds per setting."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro

from ablation import SETTINGS, train_and_evaluate
from rlcourse.devices import choose_device
from rlcourse.stats import mean_and_standard_error


@dataclass(frozen=True)
class Config:
    target_periods: tuple[int, ...] = (1, 10, 100, 1000)  # gradient steps between refreshes
    seeds: tuple[int, ...] = (0, 1, 2)
    total_steps: int = SETTINGS.total_steps
    eval_episodes: int = 100
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    target_periods: list[int]
    greedy_means: list[list[float]]  # [period][seed]: greedy mean over eval_episodes
    mean: list[float]  # per period, over seeds
    standard_error: list[float]  # per period, over seeds


# --8<-- [start:sweep]
def main(cfg: Config) -> Result:
    torch.set_num_threads(1)
    device = choose_device()
    greedy_means: list[list[float]] = []
    for period in cfg.target_periods:
        config = dataclasses.replace(
            SETTINGS, total_steps=cfg.total_steps, target_update_every=period
        )
        # C = 100 is SETTINGS' own period: Demo 2's runs of seeds 0-2, read back from disk.
        runs = [
            train_and_evaluate(config, seed, cfg.eval_episodes, cfg.out_dir, device)
            for seed in cfg.seeds
        ]
        greedy_means.append([float(run.greedy_returns.mean()) for run in runs])
    # --8<-- [end:sweep]
    stats = [mean_and_standard_error(values) for values in greedy_means]
    print(f"greedy return, mean ± standard error over seeds {list(cfg.seeds)}")
    for period, (mean, error), values in zip(cfg.target_periods, stats, greedy_means, strict=True):
        seeds = " ".join(f"{value:5.1f}" for value in values)
        print(f"target refreshed every {period:>4} updates: {mean:6.1f} ± {error:5.1f}  ({seeds})")
    plot(cfg, stats)
    return Result(
        target_periods=list(cfg.target_periods),
        greedy_means=greedy_means,
        mean=[mean for mean, _ in stats],
        standard_error=[error for _, error in stats],
    )


def plot(cfg: Config, stats: list[tuple[float, float]]) -> None:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(6, 3.8), dpi=110)
    means = [mean for mean, _ in stats]
    errors = [error for _, error in stats]
    ax.errorbar(cfg.target_periods, means, yerr=errors, marker="o", capsize=4, label="mean ± s.e.")
    ax.set_xscale("log")
    ax.set(xlabel="gradient steps between target refreshes (C)", ylabel="greedy return")
    ax.set_ylim(0, 520)
    ax.set_title(f"Target period sweep: {len(cfg.seeds)} seeds, 100 greedy episodes each")
    ax.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "target_period_sweep.png")
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
