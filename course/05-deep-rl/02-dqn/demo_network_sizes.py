"""Demo 5 (project): DQN with three network sizes on CartPole-v1, three seeds, half the budget."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro

from across_seeds import SOLVED, standard_error
from rlcourse.agents.dqn import DQNConfig, QNetwork, TrainingLog, evaluate, train_dqn
from rlcourse.curves import moving_average
from rlcourse.devices import choose_device


@dataclass(frozen=True)
class Config:
    sizes: tuple[tuple[int, ...], ...] = ((16,), (64, 64), (128, 128))
    seeds: tuple[int, ...] = (0, 1, 2)
    total_steps: int = 50_000  # half of demo 3's budget, to keep nine runs affordable
    eval_episodes: int = 100
    eval_seed_offset: int = 20_000  # evaluation episodes use seeds training never saw
    window: int = 20  # episodes in the moving average of the learning curve
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    hidden_sizes: list[list[int]]
    parameters: list[int]
    seeds: list[int]
    eval_means: list[list[float]]  # [size][seed]: greedy mean return over eval_episodes
    mean: list[float]  # per size: mean of the seeds' greedy means
    standard_error: list[float]  # per size: standard error of that mean over seeds
    solved_seeds: list[int]  # per size: seeds whose greedy mean reached 475
    training_seconds: list[float]  # per size: mean over seeds


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    torch.set_num_threads(1)
    device = choose_device()
    logs: dict[tuple[int, ...], list[TrainingLog]] = {}
    greedy_means: dict[tuple[int, ...], np.ndarray] = {}
    for hidden_sizes in cfg.sizes:
        # Only the size changes; the schedules of epsilon and the step size follow the budget.
        config = dataclasses.replace(
            DQNConfig(), total_steps=cfg.total_steps, hidden_sizes=hidden_sizes
        )
        logs[hidden_sizes], means = [], []
        for seed in cfg.seeds:
            network, log = train_dqn(config, seed, device)
            eval_seed = cfg.eval_seed_offset + seed
            returns = evaluate(network, config.env_id, cfg.eval_episodes, eval_seed, device)
            logs[hidden_sizes].append(log)
            means.append(np.mean(returns))
        greedy_means[hidden_sizes] = np.array(means)
    # --8<-- [end:main]

    parameters = [parameter_count(sizes) for sizes in cfg.sizes]
    report(cfg, parameters, logs, greedy_means)
    plot(cfg, parameters, logs)
    return Result(
        hidden_sizes=[list(sizes) for sizes in cfg.sizes],
        parameters=parameters,
        seeds=list(cfg.seeds),
        eval_means=[greedy_means[sizes].tolist() for sizes in cfg.sizes],
        mean=[float(greedy_means[sizes].mean()) for sizes in cfg.sizes],
        standard_error=[standard_error(greedy_means[sizes]) for sizes in cfg.sizes],
        solved_seeds=[int((greedy_means[sizes] >= SOLVED).sum()) for sizes in cfg.sizes],
        training_seconds=[
            float(np.mean([log.seconds for log in logs[sizes]])) for sizes in cfg.sizes
        ],
    )


def parameter_count(hidden_sizes: tuple[int, ...]) -> int:
    """Trainable numbers of a CartPole Q-network (4 observation numbers, 2 actions)."""
    return sum(p.numel() for p in QNetwork(4, 2, hidden_sizes).parameters())


def report(
    cfg: Config,
    parameters: list[int],
    logs: dict[tuple[int, ...], list[TrainingLog]],
    greedy_means: dict[tuple[int, ...], np.ndarray],
) -> None:
    seeds = ", ".join(str(seed) for seed in cfg.seeds)
    print(
        f"{cfg.total_steps} steps per run, seeds {seeds}, {cfg.eval_episodes} greedy episodes each"
    )
    print(f"{'hidden sizes':12}{'parameters':>11}{'s/run':>7}  greedy mean per seed   mean ± s.e.")
    for sizes, count in zip(cfg.sizes, parameters, strict=True):
        means = greedy_means[sizes]
        seconds = np.mean([log.seconds for log in logs[sizes]])
        per_seed = " ".join(f"{mean:6.1f}" for mean in means)
        print(
            f"{sizes!s:12}{count:11d}{seconds:7.0f}  {per_seed:21}"
            f"{means.mean():6.1f} ± {standard_error(means):.1f}"
        )


def plot(
    cfg: Config, parameters: list[int], logs: dict[tuple[int, ...], list[TrainingLog]]
) -> None:
    """Each run's moving average (thin) and, per size, their mean on a common step grid."""
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    grid = np.linspace(0, cfg.total_steps, 200)
    fig, ax = plt.subplots(figsize=(7, 4), dpi=110)
    for i, (sizes, count) in enumerate(zip(cfg.sizes, parameters, strict=True)):
        color = f"C{i}"  # matplotlib's default color cycle
        curves = []
        for log in logs[sizes]:
            width = min(cfg.window, len(log.episode_returns))
            smooth = moving_average(log.episode_returns, width)
            steps = log.episode_end_steps[width - 1 :]
            ax.plot(steps, smooth, color=color, alpha=0.3, linewidth=0.8)
            # Before a run's first full window the curve holds its first value.
            curves.append(np.interp(grid, steps, smooth))
        label = f"{sizes}: {count:,} parameters, mean of {len(cfg.seeds)} seeds"
        ax.plot(grid, np.mean(curves, axis=0), color=color, linewidth=2, label=label)
    ax.axhline(SOLVED, color="black", linestyle="--", linewidth=1, label="solved (475)")
    ax.set(xlabel="environment step", ylabel=f"return ({cfg.window}-episode mean)", ylim=(0, 520))
    ax.set_title("DQN on CartPole-v1 with three network sizes (thin lines: single seeds)")
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "network_sizes.png")
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
