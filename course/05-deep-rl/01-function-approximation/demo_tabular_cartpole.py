"""Demo 3: tabular Q-learning on CartPole-v1 cut into grids of 3 sizes, over several seeds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro
from tqdm import tqdm

from cartpole_grid import GridCartPole, make_grid_cartpole
from rlcourse.agents.tabular import train
from rlcourse.curves import moving_average
from rlcourse.schedules import LinearSchedule
from rlcourse.seeding import seed_everything
from rlcourse.stats import mean_and_standard_error

EVAL_SEED_OFFSET = 10_000  # evaluation episodes start from seeds training never used


@dataclass(frozen=True)
class Config:
    bins: tuple[int, ...] = (3, 6, 12)  # intervals per observation number
    seeds: int = 3
    episodes: int = 1000  # training episodes per run
    alpha: float = 0.1
    gamma: float = 0.99
    epsilon_start: float = 1.0
    epsilon_end: float = 0.05
    decay_fraction: float = 0.5  # epsilon reaches its end after this share of the episodes
    eval_episodes: int = 100  # fresh greedy episodes per trained table
    smoothing: int = 50  # moving-average window of the learning curves, in episodes
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class GridResult:
    bins: int
    rows: int
    greedy_mean: float  # mean over seeds of each seed's mean greedy return
    greedy_se: float  # standard error of that mean over seeds
    seed_means: list[float]
    rows_touched: float  # share of the table's rows training updated, mean over seeds
    training_steps: int  # mean over seeds


@dataclass(frozen=True)
class Result:
    seeds: int
    episodes: int
    eval_episodes: int
    grids: list[GridResult]


def greedy_returns(env: GridCartPole, q: np.ndarray, episodes: int, seed: int) -> np.ndarray:
    """Undiscounted returns of ``episodes`` fresh episodes acting greedily on ``q``."""
    returns = np.zeros(episodes)
    state, _ = env.reset(seed=seed)  # seeded once: each later reset is a new start
    for episode in range(episodes):
        done = False
        while not done:
            state, reward, terminated, truncated, _ = env.step(int(np.argmax(q[state])))
            returns[episode] += float(reward)
            done = terminated or truncated
        state, _ = env.reset()
    return returns


def main(cfg: Config) -> Result:
    seed_everything(0)
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    epsilon = LinearSchedule(
        cfg.epsilon_start, cfg.epsilon_end, int(cfg.decay_fraction * cfg.episodes)
    )
    fig, (curves_ax, bars_ax) = plt.subplots(1, 2, figsize=(11, 4.2))
    grids: list[GridResult] = []
    runs = tqdm(total=len(cfg.bins) * cfg.seeds, desc="runs")
    for bins in cfg.bins:
        seed_means, touched, steps, curves = [], [], [], []
        # --8<-- [start:core]
        for seed in range(cfg.seeds):
            env = make_grid_cartpole(bins)
            q, history = train(
                env, "q_learning", cfg.episodes, cfg.alpha, cfg.gamma, epsilon, seed, False
            )
            # Every CartPole reward is +1, so an updated entry is never 0 again.
            touched.append(float(np.mean(np.any(q != 0, axis=1))))
            returns = greedy_returns(env, q, cfg.eval_episodes, EVAL_SEED_OFFSET + seed)
            seed_means.append(float(returns.mean()))
            steps.append(history.total_steps)
            curves.append(moving_average(history.returns, cfg.smoothing))
            runs.update()
        mean, se = mean_and_standard_error(seed_means)
        # --8<-- [end:core]
        grids.append(
            GridResult(
                bins,
                bins**4,
                mean,
                se,
                seed_means,
                float(np.mean(touched)),
                int(np.mean(steps)),
            )
        )
        episodes = np.arange(cfg.smoothing, cfg.episodes + 1)
        curves_ax.plot(episodes, np.mean(curves, axis=0), label=f"{bins} bins ({bins**4:,} rows)")
    runs.close()

    print(f"{cfg.seeds} seeds x {cfg.episodes} training episodes; greedy return over")
    print(f"{cfg.eval_episodes} fresh episodes per seed (mean ± standard error over seeds)")
    print(f"{'bins':>4} {'rows':>7} {'greedy return':>16} {'rows touched':>13} {'steps':>8}")
    for g in grids:
        greedy = f"{g.greedy_mean:6.1f} ± {g.greedy_se:5.1f}"
        print(f"{g.bins:4d} {g.rows:7,} {greedy:>16} {g.rows_touched:13.1%} {g.training_steps:8,}")

    curves_ax.set_xlabel("training episode")
    curves_ax.set_ylabel(f"return, mean of last {cfg.smoothing} episodes")
    curves_ax.set_title(f"Training (epsilon-greedy), mean of {cfg.seeds} seeds")
    curves_ax.legend()
    labels = [f"{g.bins} bins" for g in grids]
    means = [g.greedy_mean for g in grids]
    errors = [g.greedy_se for g in grids]
    bars_ax.bar(labels, means, yerr=errors, capsize=6, color="tab:blue")
    bars_ax.set_xlabel("grid")
    bars_ax.set_ylabel(f"greedy return, {cfg.eval_episodes} fresh episodes")
    bars_ax.set_title("After training: mean ± standard error over seeds")
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "tabular_cartpole.png", dpi=100)
    plt.close(fig)
    return Result(cfg.seeds, cfg.episodes, cfg.eval_episodes, grids)


if __name__ == "__main__":
    main(tyro.cli(Config))
