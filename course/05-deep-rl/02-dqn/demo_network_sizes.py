"""Demo 5 (project): DQN with three network sizes on CartPole-v1, one seed, a smaller budget."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro

from rlcourse.agents.dqn import DQNConfig, TrainingLog, evaluate, train_dqn
from rlcourse.curves import moving_average
from rlcourse.devices import choose_device


@dataclass(frozen=True)
class Config:
    sizes: tuple[tuple[int, ...], ...] = ((16,), (64, 64), (256, 256))
    total_steps: int = 50_000  # half of demo 3's budget, to keep the comparison cheap
    seed: int = 0
    eval_episodes: int = 100
    eval_seed: int = 20_000
    window: int = 20
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    hidden_sizes: list[list[int]]
    parameters: list[int]
    training_seconds: list[float]
    last_window_mean: list[float]  # mean training return of the last `window` episodes
    eval_mean: list[float]
    eval_min: list[float]


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    torch.set_num_threads(1)
    device = choose_device()
    logs: list[TrainingLog] = []
    parameters: list[int] = []
    evaluations: list[np.ndarray] = []
    for hidden_sizes in cfg.sizes:
        config = dataclasses.replace(
            DQNConfig(), total_steps=cfg.total_steps, hidden_sizes=hidden_sizes
        )
        network, log = train_dqn(config, cfg.seed, device)
        returns = np.array(
            evaluate(network, config.env_id, cfg.eval_episodes, cfg.eval_seed, device)
        )
        logs.append(log)
        parameters.append(sum(p.numel() for p in network.parameters()))
        evaluations.append(returns)

    print(f"{cfg.total_steps} steps per network, seed {cfg.seed}, device {device}")
    print(
        f"{'hidden sizes':14}{'parameters':>11}{'seconds':>9}{'last ' + str(cfg.window):>9}"
        f"{'greedy mean':>13}{'greedy min':>12}"
    )
    for sizes, count, log, returns in zip(cfg.sizes, parameters, logs, evaluations, strict=True):
        last = float(np.mean(log.episode_returns[-cfg.window :]))
        print(
            f"{sizes!s:14}{count:11d}{log.seconds:9.0f}{last:9.1f}"
            f"{returns.mean():13.1f}{returns.min():12.0f}"
        )
    # --8<-- [end:main]

    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(7, 4), dpi=110)
    for sizes, count, log in zip(cfg.sizes, parameters, logs, strict=True):
        returns = np.array(log.episode_returns)
        width = min(cfg.window, len(returns))
        smooth = moving_average(returns, width)
        ax.plot(log.episode_end_steps[width - 1 :], smooth, label=f"{sizes}: {count} parameters")
    ax.set(xlabel="environment step", ylabel=f"return ({cfg.window}-episode mean)", ylim=(0, 520))
    ax.set_title("DQN on CartPole-v1 with three network sizes (seed 0)")
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "network_sizes.png")
    plt.close(fig)
    return Result(
        hidden_sizes=[list(sizes) for sizes in cfg.sizes],
        parameters=parameters,
        training_seconds=[log.seconds for log in logs],
        last_window_mean=[float(np.mean(log.episode_returns[-cfg.window :])) for log in logs],
        eval_mean=[float(r.mean()) for r in evaluations],
        eval_min=[float(r.min()) for r in evaluations],
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
