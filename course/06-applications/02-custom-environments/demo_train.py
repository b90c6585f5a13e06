"""Demo 3: the library's DQN learns to land the Moon lander, five seeds, learning curves
with a standard-error band, then 100 held-out greedy flights per seed."""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro

from landing import EVAL_SEED_OFFSET, SETTINGS, TrainedLander, fly, trained_lander
from rlcourse.agents.dqn import greedy_action
from rlcourse.curves import moving_average
from rlcourse.devices import choose_device, describe_device
from rlcourse.stats import mean_and_standard_error


@dataclass(frozen=True)
class Config:
    seeds: tuple[int, ...] = (0, 1, 2, 3, 4)
    total_steps: int = SETTINGS.total_steps
    eval_episodes: int = 100  # held-out greedy flights per seed
    window: int = 50  # episodes in the moving average of the learning curves
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    device: str
    seeds: int
    total_steps: int
    greedy_return: list[float]  # [mean, standard error] over seeds of each seed's mean
    landed_share: list[float]  # [mean, standard error] over seeds: touchdowns at <= 1 m/s
    per_seed_landed: list[float]
    per_seed_return: list[float]
    training_seconds: float  # mean per seed


# --8<-- [start:train]
def evaluate_seed(
    run: TrainedLander, seed: int, episodes: int, device: torch.device
) -> tuple[float, float]:
    """Mean return and share of safe landings of ``episodes`` greedy flights from starts
    training never saw (seeds EVAL_SEED_OFFSET + 1000 * seed + i)."""

    def policy(observation: np.ndarray) -> int:
        return greedy_action(run.network, observation, device)

    flights = [fly(policy, EVAL_SEED_OFFSET + 1000 * seed + i) for i in range(episodes)]
    landed = Counter(flight.outcome for flight in flights)["landed"] / episodes
    return float(np.mean([flight.episode_return for flight in flights])), landed


def main(cfg: Config) -> Result:
    torch.set_num_threads(1)  # a 64-unit network: a second thread adds overhead, not speed
    device = choose_device()
    print(f"device: {describe_device(device)}")
    config = dataclasses.replace(SETTINGS, total_steps=cfg.total_steps)
    runs = [trained_lander(config, seed, cfg.out_dir, device) for seed in cfg.seeds]
    scores = [
        evaluate_seed(run, seed, cfg.eval_episodes, device)
        for run, seed in zip(runs, cfg.seeds, strict=True)
    ]
    # --8<-- [end:train]
    returns = [score[0] for score in scores]
    landed = [score[1] for score in scores]
    for seed, (mean_return, share) in zip(cfg.seeds, scores, strict=True):
        print(f"seed {seed}: greedy return {mean_return:6.2f}, safe landings {share:.2f}")
    return_stats = mean_and_standard_error(returns)
    landed_stats = mean_and_standard_error(landed)
    print(
        f"over {len(cfg.seeds)} seeds: return {return_stats[0]:.2f} ± {return_stats[1]:.2f}, "
        f"safe landings {landed_stats[0]:.2f} ± {landed_stats[1]:.2f}"
    )
    plot_curves(runs, cfg)
    return Result(
        device=str(device),
        seeds=len(cfg.seeds),
        total_steps=cfg.total_steps,
        greedy_return=list(return_stats),
        landed_share=list(landed_stats),
        per_seed_landed=landed,
        per_seed_return=returns,
        training_seconds=float(np.mean([run.training_seconds for run in runs])),
    )


def learning_curve(run: TrainedLander, window: int, grid: np.ndarray) -> np.ndarray:
    """The moving average of the episode returns, placed at the step where the window's last
    episode ended, read at the steps of ``grid`` (seeds end episodes at different steps)."""
    window = min(window, len(run.episode_returns))
    smooth = moving_average(run.episode_returns, window)
    ends = np.asarray(run.episode_end_steps[window - 1 :], dtype=np.float64)
    return np.interp(grid, ends, smooth)


def plot_curves(runs: list[TrainedLander], cfg: Config) -> None:
    grid = np.linspace(cfg.total_steps * 0.1, cfg.total_steps, 100)
    curves = np.stack([learning_curve(run, cfg.window, grid) for run in runs])  # (seeds, 100)
    mean = curves.mean(axis=0)
    error = curves.std(axis=0, ddof=1) / np.sqrt(len(runs))
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(6.4, 3.6), dpi=100, layout="constrained")
    for curve in curves:
        ax.plot(grid, curve, color="tab:blue", alpha=0.25, linewidth=0.8)
    ax.plot(grid, mean, color="tab:blue", label=f"mean of {len(runs)} seeds")
    ax.fill_between(
        grid, mean - error, mean + error, color="tab:blue", alpha=0.3, label="± standard error"
    )
    ax.axhline(0.0, color="gray", linewidth=0.6)
    ax.set_xlabel("environment steps")
    ax.set_ylabel(f"return (mean of {cfg.window} episodes)")
    ax.set_title("DQN on MoonLander: training returns, each seed faint")
    ax.legend(loc="lower right")
    fig.savefig(cfg.out_dir / "learning_curves.png")
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
