"""Exercise 3: train the library's DQN on an environment of your own, several seeds, and
score each trained network on held-out episodes.

Write ``train_and_evaluate``, then run this file (beside your ex1_thermostat.py and
ex2_random_actions.py) and `rlcourse check 6.2`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np
import torch

from rlcourse.agents.dqn import DQNConfig, evaluate, train_dqn

EVAL_SEED_OFFSET = 10_000  # evaluation starts come from seeds training never used


def train_and_evaluate(
    settings: DQNConfig, env_id: str, seeds: Sequence[int], eval_episodes: int
) -> dict[int, list[float]]:
    """For each seed: train with ``train_dqn`` on ``env_id`` (``settings`` with its
    ``env_id`` replaced), on the CPU and without a progress bar; then ``evaluate`` the
    network greedily on ``eval_episodes`` episodes seeded with EVAL_SEED_OFFSET + seed.
    Returns {seed: the evaluation returns}."""
    device = torch.device("cpu")
    config = dataclasses.replace(settings, env_id=env_id)
    scores: dict[int, list[float]] = {}
    for seed in seeds:
        network, _ = train_dqn(config, seed, device, show_progress=False)
        scores[seed] = evaluate(network, env_id, eval_episodes, EVAL_SEED_OFFSET + seed, device)
    return scores


if __name__ == "__main__":
    from ex2_random_actions import random_returns, register_once

    thermostat = register_once("exercise62/Thermostat-v0", "ex1_thermostat:Thermostat", 144)
    settings = DQNConfig(total_steps=15_000, hidden_sizes=(64, 64), train_every=4)
    scores = train_and_evaluate(settings, thermostat, seeds=(0, 1, 2), eval_episodes=20)
    random = np.mean(random_returns(thermostat, 100, seed=0))
    for seed, returns in scores.items():
        print(f"seed {seed}: greedy return {np.mean(returns):.1f} (random heater {random:.1f})")
