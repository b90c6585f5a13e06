"""Exercise 3: tune the replay buffer's size and the target network's period by a grid search.

``train`` stands for one training run: it takes a buffer size, a target period and a seed
and returns the final greedy score. Write ``grid_search``, which runs every pair of values
on every seed and summarizes each pair by the mean over seeds and its standard error, and
``best_setting``. Then run this file (a few minutes: 2 x 2 settings, 2 seeds) and
`rlcourse check 5.3`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import torch

from rlcourse.agents.dqn import DQNConfig, evaluate, train_dqn

Train = Callable[[int, int, int], float]  # (buffer_size, target_period, seed) -> score


@dataclass(frozen=True)
class Setting:
    buffer_size: int
    target_period: int
    mean: float  # of the scores over seeds
    standard_error: float  # sample standard deviation (n - 1) / sqrt(n)


def grid_search(
    train: Train, buffer_sizes: Sequence[int], target_periods: Sequence[int], seeds: Sequence[int]
) -> list[Setting]:
    """One Setting per (buffer_size, target_period) pair, buffer sizes in the outer loop,
    each summarizing ``train(buffer_size, target_period, seed)`` over all ``seeds``."""
    settings = []
    for buffer_size in buffer_sizes:
        for target_period in target_periods:
            scores = np.array([train(buffer_size, target_period, seed) for seed in seeds])
            error = scores.std(ddof=1) / np.sqrt(len(scores))
            settings.append(Setting(buffer_size, target_period, float(scores.mean()), float(error)))
    return settings


def best_setting(settings: Sequence[Setting]) -> Setting:
    """The setting with the highest mean score (the first one on a tie)."""
    return max(settings, key=lambda setting: setting.mean)


def dqn_score(buffer_size: int, target_period: int, seed: int) -> float:
    """Given: a short DQN run on CartPole-v1 and its greedy score over 100 episodes."""
    config = dataclasses.replace(
        DQNConfig(total_steps=15_000, hidden_sizes=(64, 64), batch_size=64, train_every=4),
        buffer_size=buffer_size,
        target_update_every=target_period,
    )
    network, _ = train_dqn(config, seed, torch.device("cpu"), show_progress=False)
    return float(np.mean(evaluate(network, config.env_id, 100, 30_000 + seed, torch.device("cpu"))))


if __name__ == "__main__":
    results = grid_search(dqn_score, (1_000, 15_000), (10, 100), seeds=(0, 1))
    for setting in results:
        print(setting)
    print("best:", best_setting(results))
