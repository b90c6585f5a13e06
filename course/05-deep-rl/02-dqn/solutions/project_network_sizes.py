"""Project exercise: train DQN with several network sizes and plot their learning curves.

Fill in the three functions, then run this file (a few minutes on a CPU) and
`rlcourse check 5.2`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch

from rlcourse.agents.dqn import DQNConfig, QNetwork, train_dqn


@dataclass(frozen=True)
class SizeRun:
    hidden_sizes: tuple[int, ...]
    parameters: int  # trainable numbers in the network
    episode_returns: list[float]
    episode_end_steps: list[int]  # environment step at which each episode ended
    network: QNetwork  # the trained network


def parameter_count(observation_size: int, action_count: int, hidden_sizes: tuple[int, ...]) -> int:
    """Weights and biases of QNetwork(observation_size, action_count, hidden_sizes),
    computed from the sizes alone (no network built)."""
    widths = [observation_size, *hidden_sizes, action_count]
    return sum(m * n + n for m, n in pairwise(widths))


def run_size_experiment(sizes: list[tuple[int, ...]], total_steps: int, seed: int) -> list[SizeRun]:
    """One DQN run per entry of ``sizes``, all with the same seed and budget: start from
    DQNConfig() and change only total_steps and hidden_sizes; train on the CPU with
    train_dqn. CartPole-v1 has 4 observation numbers and 2 actions."""
    runs: list[SizeRun] = []
    for hidden_sizes in sizes:
        config = dataclasses.replace(
            DQNConfig(), total_steps=total_steps, hidden_sizes=hidden_sizes
        )
        network, log = train_dqn(config, seed, torch.device("cpu"))
        runs.append(
            SizeRun(
                hidden_sizes=hidden_sizes,
                parameters=parameter_count(4, 2, hidden_sizes),
                episode_returns=log.episode_returns,
                episode_end_steps=log.episode_end_steps,
                network=network,
            )
        )
    return runs


def plot_learning_curves(runs: list[SizeRun], window: int, path: Path) -> dict[str, float]:
    """One curve per run: the ``window``-episode moving average of its returns against the
    environment step at which each window's last episode ended. Save the figure to ``path``.

    Returns {str(run.hidden_sizes): mean of the run's last ``window`` returns (all of them
    if it finished fewer episodes)}.
    """
    final: dict[str, float] = {}
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    for run in runs:
        returns = np.asarray(run.episode_returns, dtype=np.float64)
        width = min(window, len(returns))
        averages = np.convolve(returns, np.ones(width) / width, mode="valid")
        ax.plot(
            run.episode_end_steps[width - 1 :],
            averages,
            label=f"{run.hidden_sizes}: {run.parameters} parameters",
        )
        final[str(run.hidden_sizes)] = float(returns[-width:].mean())
    ax.set(xlabel="environment step", ylabel=f"return ({window}-episode mean)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return final


if __name__ == "__main__":
    torch.set_num_threads(1)
    size_runs = run_size_experiment([(16,), (64, 64), (128, 128)], total_steps=50_000, seed=0)
    for name, value in plot_learning_curves(size_runs, 20, Path("network_sizes.png")).items():
        print(f"{name:12} last 20 episodes: {value:.1f}")
