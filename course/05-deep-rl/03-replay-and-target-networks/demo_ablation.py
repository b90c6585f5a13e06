"""Demo 2: DQN with and without experience replay and a target network, five seeds each."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro

from ablation import SETTINGS, Run, train_and_evaluate
from rlcourse.agents.dqn import DQNConfig
from rlcourse.devices import choose_device, describe_device
from rlcourse.stats import mean_and_standard_error

VARIANTS = {  # name -> (replay, target_network)
    "DQN": (True, True),
    "no target network": (True, False),
    "no replay": (False, True),
    "neither": (False, False),
}


def variant_config(total_steps: int, replay: bool, target_network: bool) -> DQNConfig:
    """SETTINGS with the two switches of this Part set."""
    return dataclasses.replace(
        SETTINGS, total_steps=total_steps, replay=replay, target_network=target_network
    )


@dataclass(frozen=True)
class Config:
    seeds: tuple[int, ...] = (0, 1, 2, 3, 4)
    total_steps: int = SETTINGS.total_steps
    eval_episodes: int = 100
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    device: str
    variants: list[str]
    seeds: list[int]
    greedy_means: list[list[float]]  # [variant][seed]: mean over eval_episodes
    mean: list[float]  # per variant: mean over seeds
    standard_error: list[float]  # per variant: over seeds
    seed_std: list[float]  # per variant: sample std of the seeds' greedy means
    best_seed: list[float]  # per variant: the highest greedy mean
    worst_seed: list[float]  # per variant: the lowest greedy mean
    training_seconds: list[float]  # per variant: mean over seeds
    total_seconds: float


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    torch.set_num_threads(1)  # small networks: a second thread adds overhead, not speed
    device = choose_device()
    print(f"device: {describe_device(device)}")
    runs: dict[str, list[Run]] = {}
    for name, (replay, target_network) in VARIANTS.items():
        config = variant_config(cfg.total_steps, replay, target_network)
        runs[name] = [
            train_and_evaluate(config, seed, cfg.eval_episodes, cfg.out_dir, device)
            for seed in cfg.seeds
        ]
    # --8<-- [end:main]
    return summarize(cfg, runs, str(device))


def summarize(cfg: Config, runs: dict[str, list[Run]], device: str) -> Result:
    means = {
        name: [float(run.greedy_returns.mean()) for run in group] for name, group in runs.items()
    }
    stats = {name: mean_and_standard_error(values) for name, values in means.items()}
    seconds = {
        name: float(np.mean([run.training_seconds for run in group]))
        for name, group in runs.items()
    }
    print(f"greedy return of the final network, {cfg.eval_episodes} episodes per seed")
    print(f"{'variant':<18} {'mean ± s.e.':>14} {'std':>7} {'worst':>7} {'best':>7}  per seed")
    for name, values in means.items():
        mean, error = stats[name]
        per_seed = " ".join(f"{value:5.1f}" for value in values)
        print(
            f"{name:<18} {mean:7.1f} ± {error:4.1f} {np.std(values, ddof=1):7.1f} "
            f"{min(values):7.1f} {max(values):7.1f}  {per_seed}"
        )
    print("training seconds per run: " + ", ".join(f"{n} {s:.0f}" for n, s in seconds.items()))
    plot(cfg, means)
    return Result(
        device=device,
        variants=list(means),
        seeds=list(cfg.seeds),
        greedy_means=list(means.values()),
        mean=[stats[name][0] for name in means],
        standard_error=[stats[name][1] for name in means],
        seed_std=[float(np.std(values, ddof=1)) for values in means.values()],
        best_seed=[max(values) for values in means.values()],
        worst_seed=[min(values) for values in means.values()],
        training_seconds=list(seconds.values()),
        total_seconds=float(sum(run.training_seconds for group in runs.values() for run in group)),
    )


def plot(cfg: Config, means: dict[str, list[float]]) -> None:
    """Each seed's final score as a dot, the mean over seeds as a bar."""
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(7, 4), dpi=110)
    for i, (name, values) in enumerate(means.items()):
        ax.bar(i, np.mean(values), color=f"C{i}", alpha=0.3, width=0.6)
        ax.scatter(np.full(len(values), i), values, color=f"C{i}", zorder=3, label=name)
    ax.set_xticks(range(len(means)), list(means))
    ax.set(ylabel="greedy return (mean of 100 episodes)", ylim=(0, 520))
    ax.set_title(f"Final scores of {len(cfg.seeds)} seeds per variant (bar: their mean)")
    ax.legend(loc="upper left", fontsize=8)  # the upper right holds the best seeds
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "final_scores.png")
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
