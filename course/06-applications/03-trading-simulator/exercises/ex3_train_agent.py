"""Exercise 3 of Part 6.3: train DQN traders over several seeds and score them on price
paths that training never saw, with a mean and its standard error over the seeds.

Write ``final_value`` and ``train_and_evaluate`` as their docstrings say, then run this file
(a few minutes) and `rlcourse check 6.3`.
"""

from __future__ import annotations

from collections.abc import Sequence

import gymnasium as gym
import numpy as np  # noqa: F401 (you will need it)
import torch
from torch import nn

from rlcourse.agents.dqn import DQNConfig, greedy_action, train_dqn  # noqa: F401

HELD_OUT = 10_000  # held-out path i is drawn by reset(seed=HELD_OUT + i); training never is


def final_value(network: nn.Module, env_id: str, seed: int, device: torch.device) -> float:
    """Play one greedy episode on the price path that ``reset(seed=seed)`` draws and return
    the final portfolio value (``info["value"]`` after the last step)."""
    raise NotImplementedError("final_value")


def train_and_evaluate(
    settings: DQNConfig, seeds: Sequence[int], paths: int, device: torch.device
) -> tuple[list[float], tuple[float, float]]:
    """For each seed, ``train_dqn(settings, seed, device, show_progress=False)``, then the
    mean final value over the held-out paths 0 .. paths - 1. Returns those per-seed means
    and (their mean, their standard error s / sqrt(n), s the sample standard deviation)."""
    raise NotImplementedError("train_and_evaluate")


if __name__ == "__main__":
    # The mean-reverting price with a five times higher cost: does the edge survive it?
    COSTLY_ID = "rlcourse-exercise/TradingCostly-v0"
    if COSTLY_ID not in gym.registry:
        gym.register(
            COSTLY_ID,
            "rlcourse.envs.trading:TradingEnv",
            kwargs={"process": "mean_reverting", "cost": 0.005},
        )
    torch.set_num_threads(1)
    # 20,000 steps as in Demo 3, one update every 4 steps; the other settings are defaults.
    settings = DQNConfig(env_id=COSTLY_ID, total_steps=20_000, train_every=4)
    per_seed, (mean, error) = train_and_evaluate(settings, (0, 1, 2), 200, torch.device("cpu"))
    print(f"per seed {[round(score, 4) for score in per_seed]}: {mean:.4f} ± {error:.4f}")
    print("staying in cash ends at exactly 1.0: above it, the edge survived the cost")
