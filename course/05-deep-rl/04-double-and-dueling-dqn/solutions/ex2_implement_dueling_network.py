"""Exercise 2: a dueling Q-network, written by hand.

Write ``combine`` (how the two heads make Q-values) and ``DuelingQNetwork`` (one hidden
layer shared by a value head and an advantage head). Then run `rlcourse check 5.4`.
"""

from __future__ import annotations

import torch
from torch import nn


def combine(value: torch.Tensor, advantages: torch.Tensor) -> torch.Tensor:
    """Q(s, a) = V(s) + A(s, a) - mean_a' A(s, a'), shape (B, A).

    ``value``: (B, 1); ``advantages``: (B, A). The mean is over each state's actions.
    """
    return value + advantages - advantages.mean(dim=1, keepdim=True)


class DuelingQNetwork(nn.Module):
    """observations (B, observation_size) -> Q-values (B, action_count).

    ``body``: Linear(observation_size, hidden_size) then ReLU; ``value_head``:
    Linear(hidden_size, 1); ``advantage_head``: Linear(hidden_size, action_count).
    """

    def __init__(self, observation_size: int, action_count: int, hidden_size: int) -> None:
        super().__init__()
        self.body = nn.Sequential(nn.Linear(observation_size, hidden_size), nn.ReLU())
        self.value_head = nn.Linear(hidden_size, 1)
        self.advantage_head = nn.Linear(hidden_size, action_count)

    def forward(self, observations: torch.Tensor) -> torch.Tensor:
        features = self.body(observations)  # (B, hidden_size)
        return combine(self.value_head(features), self.advantage_head(features))
