"""Project exercise: train DQN with several network sizes and plot their learning curves.

Fill in the three functions, then run this file (a few minutes on a CPU) and
`rlcourse check 5.2`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch

from rlcourse.agents.dqn import QNetwork


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
    raise NotImplementedError("parameter_count")


def run_size_experiment(sizes: list[tuple[int, ...]], total_steps: int, seed: int) -> list[SizeRun]:
    """One DQN run per entry of ``sizes``, all with the same seed and budget: start from
    DQNConfig() and change only total_steps and hidden_sizes; train on the CPU with
    train_dqn. CartPole-v1 has 4 observation numbers and 2 actions."""
    # TODO: dataclasses.replace(DQNConfig(), ...) changes two fields and keeps the rest
    raise NotImplementedError("run_size_experiment")


def plot_learning_curves(runs: list[SizeRun], window: int, path: Path) -> dict[str, float]:
    """One curve per run: the ``window``-episode moving average of its returns against the
    environment step at which each window's last episode ended. Save the figure to ``path``.

    Returns {str(run.hidden_sizes): mean of the run's last ``window`` returns (all of them
    if it finished fewer episodes)}.
    """
    # TODO: fig, ax = plt.subplots(); fig.savefig(path); plt.close(fig)
    raise NotImplementedError("plot_learning_curves")


if __name__ == "__main__":
    torch.set_num_threads(1)
    size_runs = run_size_experiment([(16,), (64, 64), (128, 128)], total_steps=50_000, seed=0)
    for name, value in plot_learning_curves(size_runs, 20, Path("network_sizes.png")).items():
        print(f"{name:12} last 20 episodes: {value:.1f}")
