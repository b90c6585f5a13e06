"""Demo 2: the course's DQN learns to heat the house, over three seeds, and is judged on
the same 100 fresh days as the thermostat of Demo 1."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro

import thermostat
from rlcourse.agents.dqn import DQNConfig, greedy_action, save_q_network, train_dqn
from rlcourse.curves import moving_average
from rlcourse.devices import choose_device
from rlcourse.stats import mean_and_standard_error


@dataclass(frozen=True)
class Config:
    seeds: tuple[int, ...] = (0, 1, 2)
    total_steps: int = 15_000  # half hours of training per seed: 312 days
    eval_days: int = 100
    eval_seed: int = 1_000  # Demo 1's days
    window: int = 20  # days per moving average in the figure
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    agent_per_seed: list[float]  # mean return per day of each seed's final greedy agent
    agent_mean: float  # over seeds
    agent_standard_error: float
    thermostat_mean: float  # the same days
    crossing_day: int  # first training day the mean curve is above the thermostat; -1: never
    training_seconds: float  # all seeds


# --8<-- [start:agent]
def dqn_config(total_steps: int) -> DQNConfig:
    """DQN for a 48-step day: gamma 0.98 still weighs the reward two hours (4 steps) ahead
    at 0.92, so heating before the evening peak can pay; small and cheap otherwise."""
    return DQNConfig(
        env_id=thermostat.THERMOSTAT_ID,
        total_steps=total_steps,
        hidden_sizes=(64, 64),
        gamma=0.98,
        batch_size=64,
        learning_starts=500,
        train_every=2,  # one gradient step per two half hours: half the cost
        target_update_every=250,
        exploration_fraction=0.3,
        epsilon_end=0.02,
    )


# --8<-- [end:agent]


def main(cfg: Config) -> Result:
    device = choose_device()
    torch.set_num_threads(1)  # a 64-unit network: threads cost more than they save
    print(f"device: {device}")
    started = time.perf_counter()
    per_seed, curves = [], []
    # --8<-- [start:train]
    for seed in cfg.seeds:
        network, log = train_dqn(dqn_config(cfg.total_steps), seed, device, show_progress=False)
        curves.append(log.episode_returns)

        def agent(observation: np.ndarray, network: torch.nn.Module = network) -> int:
            return greedy_action(network, observation, device)

        days = thermostat.play_days(agent, cfg.eval_days, cfg.eval_seed)
        per_seed.append(float(days.returns.mean()))
        save_q_network(network, cfg.out_dir / f"agent_seed{seed}.pt")
        print(
            f"seed {seed}: {len(log.episode_returns)} training days, "
            f"greedy agent {per_seed[-1]:.2f} per day on {cfg.eval_days} fresh days"
        )
    # --8<-- [end:train]
    seconds = time.perf_counter() - started
    mean, error = mean_and_standard_error(per_seed)
    baseline = float(
        thermostat.play_days(
            thermostat.thermostat_policy, cfg.eval_days, cfg.eval_seed
        ).returns.mean()
    )
    print(
        f"\nagent over {len(cfg.seeds)} seeds: {mean:.2f} ± {error:.2f} per day; "
        f"thermostat on the same days: {baseline:.2f}"
    )
    crossing = plot_curves(
        np.array(curves), baseline, cfg.window, cfg.out_dir / "learning_curves.png"
    )
    print(f"the mean training curve first passes the thermostat on training day {crossing}")
    return Result(per_seed, mean, error, baseline, crossing, seconds)


def plot_curves(returns: np.ndarray, baseline: float, window: int, path: Path) -> int:
    """Mean over seeds of each seed's moving average, with a band of one standard error.
    Returns the first day the mean is above ``baseline`` (-1: never)."""
    window = min(window, returns.shape[1])
    smooth = np.array([moving_average(row, window) for row in returns])  # (seeds, days - w + 1)
    mean = smooth.mean(axis=0)
    error = smooth.std(axis=0, ddof=1) / np.sqrt(len(smooth)) if len(smooth) > 1 else 0 * mean
    days = np.arange(window, returns.shape[1] + 1)
    fig, ax = plt.subplots(figsize=(7, 3.8), dpi=100, layout="constrained")
    ax.plot(days, mean, label=f"DQN, mean of {len(returns)} seeds")
    ax.fill_between(days, mean - error, mean + error, alpha=0.3, label="± standard error")
    ax.axhline(baseline, color="black", linestyle="--", label="thermostat (fresh days)")
    ax.set_ylim(max(float(mean.min()) - 5, -60), 0)
    ax.set_title("Learning to heat the house (training days, exploring)")
    ax.set_xlabel("training day")
    ax.set_ylabel(f"return per day (moving average of {window})")
    ax.legend(loc="lower right")
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    above = np.flatnonzero(mean > baseline)
    return int(days[above[0]]) if above.size else -1


if __name__ == "__main__":
    main(tyro.cli(Config))
