"""Demo 5 (project): learning curves, how often each agent pulls the best arm as time goes on."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro

from rlcourse.agents.bandits import (
    BernoulliBandit,
    History,
    Policy,
    epsilon_greedy,
    mean_and_half_width,
    simulate,
    strategy_rng,
    thompson_sampling,
    ucb1,
)
from rlcourse.seeding import seed_everything

# The same names as in Demo 4, so the same seeds: these are the very runs of Demo 4.
STRATEGIES: dict[str, Policy] = {
    "ε-greedy, ε = 0.1": epsilon_greedy(0.1),
    "ε-greedy, ε = 0.01": epsilon_greedy(0.01),
    "UCB1": ucb1,
    "Thompson sampling": thompson_sampling,
}


@dataclass(frozen=True)
class Config:
    means: tuple[float, ...] = (0.45, 0.25, 0.70, 0.55, 0.60)
    steps: int = 20_000  # pulls per run, T
    runs: int = 1000  # independent runs per strategy
    bins: int = 40  # time windows of the curves, equally spaced in log t
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class StrategyCurve:
    name: str
    best_arm_fraction: list[float]  # per decade of steps: fraction of pulls of the best arm
    best_arm_half_width: list[float]  # 1.96 standard errors over runs
    reward_per_step: list[float]  # per decade: average reward per pull
    reward_half_width: list[float]


@dataclass(frozen=True)
class Result:
    steps: int
    runs: int
    best_mean: float
    decades: list[list[int]]  # [first, last] step of each decade window
    strategies: list[StrategyCurve]
    figure: str


# --8<-- [start:windows]
def log_windows(steps: int, count: int) -> np.ndarray:
    """Boundaries 0 = b_0 < b_1 < ... < b_m = steps of windows of steps, equal in log t.

    Window j holds steps b_j + 1 .. b_{j+1}. Early windows are one step wide, late ones
    hundreds: a curve in log t then has a point every ~equal stretch of the plot.
    """
    edges = np.unique(np.round(np.geomspace(1, steps, count + 1)).astype(np.int64))
    return np.concatenate([[0], edges])


def window_means(values: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """(runs, windows): the mean of ``values`` (runs, steps) over each window of steps."""
    # Step t sits at index t - 1, so window j is the slice values[:, b_j : b_{j+1}];
    # np.add.reduceat sums exactly those slices, one per starting index b_j.
    sums = np.add.reduceat(values, edges[:-1], axis=1, dtype=np.float64)
    return sums / np.diff(edges)


def learning_curves(
    history: History, bandit: BernoulliBandit, edges: np.ndarray
) -> tuple[np.ndarray, ...]:
    """Per window (mean over runs, 95% half width): the fraction of pulls of the best arm,
    then the reward per pull."""
    best = history.optimal(bandit)  # (runs, steps) True where the best arm was pulled
    return (
        *mean_and_half_width(window_means(best, edges)),
        *mean_and_half_width(window_means(history.rewards, edges)),
    )


# --8<-- [end:windows]


def decade_edges(steps: int) -> np.ndarray:
    """Windows 1..10, 11..100, 101..1000, ... with the last one ending at ``steps``."""
    powers = [10**i for i in range(1, len(str(steps))) if 10**i < steps]
    return np.array([0, *powers, steps])


def plot_learning_curves(
    bandit: BernoulliBandit,
    curves: dict[str, tuple[np.ndarray, ...]],
    centers: np.ndarray,
    path: Path,
) -> None:
    fig, (ax_best, ax_reward) = plt.subplots(1, 2, figsize=(11, 4.2), dpi=100)
    for name, (best, best_half, reward, reward_half) in curves.items():
        ax_best.plot(centers, best, label=name)
        ax_best.fill_between(centers, best - best_half, best + best_half, alpha=0.3)
        ax_reward.plot(centers, reward, label=name)
        ax_reward.fill_between(centers, reward - reward_half, reward + reward_half, alpha=0.3)
    ax_best.axhline(1 / bandit.n_arms, color="black", linestyle=":", label="uniformly random")
    ax_best.set(
        title="Pulls of the best arm",
        xlabel="step t (log scale)",
        ylabel="fraction of pulls",
        xscale="log",
        ylim=(0, 1),
    )
    ax_reward.axhline(bandit.best_mean, color="black", linestyle="--", label="q* of the best arm")
    ax_reward.set(
        title="Reward per pull", xlabel="step t (log scale)", ylabel="average reward", xscale="log"
    )
    for ax in (ax_best, ax_reward):
        ax.legend(loc="lower right", fontsize="small")
    fig.suptitle(
        "Mean over runs in windows of steps, bands ± 1.96 standard errors", fontsize="small"
    )
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    seed_everything(cfg.seed)
    bandit = BernoulliBandit(np.array(cfg.means))
    edges, decades = log_windows(cfg.steps, cfg.bins), decade_edges(cfg.steps)
    centers = np.sqrt((edges[:-1] + 1) * edges[1:])  # geometric middle of each window
    plotted: dict[str, tuple[np.ndarray, ...]] = {}
    summaries: list[StrategyCurve] = []
    for name, policy in STRATEGIES.items():
        history = simulate(bandit, policy, cfg.steps, cfg.runs, strategy_rng(cfg.seed, name), name)
        plotted[name] = learning_curves(history, bandit, edges)
        by_decade = [curve.tolist() for curve in learning_curves(history, bandit, decades)]
        summaries.append(StrategyCurve(name, *by_decade))

    windows = [[int(first) + 1, int(last)] for first, last in pairwise(decades)]
    print(f"{cfg.runs} runs; fraction of pulls that went to the best arm (± 1.96 SE)")
    print(f"{'steps':>13}" + "".join(f"{s.name:>20}" for s in summaries))
    for i, (first, last) in enumerate(windows):
        cells = [
            f"{s.best_arm_fraction[i]:.4f} ± {s.best_arm_half_width[i]:.4f}" for s in summaries
        ]
        print(f"{first:>6}-{last:<6}" + "".join(f"{cell:>20}" for cell in cells))
    print(f"\naverage reward per pull (q* of the best arm: {bandit.best_mean:.2f})")
    for i, (first, last) in enumerate(windows):
        cells = [f"{s.reward_per_step[i]:.4f} ± {s.reward_half_width[i]:.4f}" for s in summaries]
        print(f"{first:>6}-{last:<6}" + "".join(f"{cell:>20}" for cell in cells))

    figure = cfg.out_dir / "learning_curves.png"
    plot_learning_curves(bandit, plotted, centers, figure)
    return Result(cfg.steps, cfg.runs, bandit.best_mean, windows, summaries, figure.name)


if __name__ == "__main__":
    main(tyro.cli(Config))
