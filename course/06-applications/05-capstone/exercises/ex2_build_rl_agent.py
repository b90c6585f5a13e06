"""Exercise 2: the two pieces that turn a trained Q-network into numbers you can report:
a greedy policy, and an evaluation on fresh episodes that every policy meets alike."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import gymnasium as gym
import numpy as np
import torch  # noqa: F401 (you will need it)
from torch import nn

Policy = Callable[[np.ndarray], int]


def greedy_policy(network: nn.Module) -> Policy:
    """The policy argmax_a Q(s, a): observation (n,) -> action, with no gradient."""

    raise NotImplementedError("return a function observation -> argmax_a Q(s, a)")


def evaluate_policy(
    env: gym.Env[np.ndarray, Any], policy: Policy, episodes: int, seed: int
) -> list[float]:
    """The undiscounted return of each of ``episodes`` episodes. Only the first reset is
    seeded: later resets continue its random stream, so the episodes differ from one another
    and are the same for every policy evaluated with the same seed."""
    raise NotImplementedError("play the episodes; return their returns")
