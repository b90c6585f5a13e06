"""Exercise 3: train Double DQN and Dueling DQN on the same seeds and compare them fairly.

Write ``model_configs`` (the two models, differing from ``base`` only in their switches)
and ``compare`` (a paired comparison over seeds). Then run `rlcourse check 5.4`, and run
this file to train both models on LunarLander-v3 (about 20 minutes on a laptop CPU).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import torch

from rlcourse.agents.dqn import DQNConfig, evaluate, train_dqn

Train = Callable[[DQNConfig, int], float]  # (config, seed) -> greedy score of the final network


@dataclass(frozen=True)
class Comparison:
    scores: dict[str, list[float]]  # model name -> one score per seed, in the order of seeds
    mean_difference: float  # mean over seeds of (Dueling DQN's score - Double DQN's score)
    standard_error: float  # of that mean: sample std of the differences / sqrt(seeds)


def model_configs(base: DQNConfig) -> dict[str, DQNConfig]:
    """{"Double DQN": base with double_dqn on and dueling off, "Dueling DQN": the reverse}."""
    return {
        "Double DQN": dataclasses.replace(base, double_dqn=True, dueling=False),
        "Dueling DQN": dataclasses.replace(base, double_dqn=False, dueling=True),
    }


def compare(train: Train, base: DQNConfig, seeds: Sequence[int]) -> Comparison:
    """Train each model of ``model_configs(base)`` once per seed (the same seeds for both), and
    summarise the per-seed differences Dueling - Double by their mean and standard error."""
    scores = {
        name: [train(config, seed) for seed in seeds]
        for name, config in model_configs(base).items()
    }
    # Paired: seed k of one model is compared with seed k of the other.
    differences = np.array(scores["Dueling DQN"]) - np.array(scores["Double DQN"])
    standard_error = differences.std(ddof=1) / np.sqrt(len(differences))
    return Comparison(scores, float(differences.mean()), float(standard_error))


def train_and_score(config: DQNConfig, seed: int) -> float:
    """Train on ``seed``; the mean of 20 greedy episodes from start states training never saw."""
    device = torch.device("cpu")
    network, _ = train_dqn(config, seed, device)
    return float(np.mean(evaluate(network, config.env_id, 20, 50_000 + seed, device)))


if __name__ == "__main__":
    torch.set_num_threads(1)
    base = DQNConfig(
        env_id="LunarLander-v3",
        total_steps=60_000,
        learning_starts=1_000,
        train_every=4,
        target_update_every=250,
        epsilon_end=0.05,
        exploration_fraction=0.1,
        huber_loss=True,
    )
    result = compare(train_and_score, base, seeds=[0, 1, 2])
    for name, values in result.scores.items():
        print(f"{name}: " + ", ".join(f"{value:.1f}" for value in values))
    print(f"Dueling - Double: {result.mean_difference:.1f} ± {result.standard_error:.1f}")
