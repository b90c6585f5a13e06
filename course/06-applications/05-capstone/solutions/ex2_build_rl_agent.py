"""Exercise 2: the two pieces that turn a trained Q-network into numbers you can report:
a greedy policy, and an evaluation on fresh episodes that every policy meets alike."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import gymnasium as gym
import numpy as np
import torch
from torch import nn

Policy = Callable[[np.ndarray], int]


def greedy_policy(network: nn.Module) -> Policy:
    """The policy argmax_a Q(s, a): observation (n,) -> action, with no gradient."""

    def act(observation: np.ndarray) -> int:
        with torch.no_grad():
            q_values = network(torch.as_tensor(observation, dtype=torch.float32).unsqueeze(0))
            return int(q_values.argmax(dim=1).item())

    return act


def evaluate_policy(
    env: gym.Env[np.ndarray, Any], policy: Policy, episodes: int, seed: int
) -> list[float]:
    """The undiscounted return of each of ``episodes`` episodes. Only the first reset is
    seeded: later resets continue its random stream, so the episodes differ from one another
    and are the same for every policy evaluated with the same seed."""
    returns: list[float] = []
    for episode in range(episodes):
        observation, _ = env.reset(seed=seed if episode == 0 else None)
        total, done = 0.0, False
        while not done:
            observation, reward, terminated, truncated, _ = env.step(policy(observation))
            total += float(reward)
            done = terminated or truncated
        returns.append(total)
    return returns
