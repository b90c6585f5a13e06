"""Exercise 4: propose a Q-network to replace the Q-table, and count what it learns.

Fill in the two functions, then run this file and `rlcourse check 5.1`.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import nn


def q_network(
    observation_size: int, action_count: int, hidden_sizes: Sequence[int]
) -> nn.Sequential:
    """Linear layers observation_size -> hidden_sizes[0] -> ... -> action_count, with a
    ReLU after every hidden layer and nothing after the last (a Q-value may be negative).

    Maps observations (B, observation_size) to Q-values (B, action_count).
    """
    raise NotImplementedError("q_network")


def parameter_count(observation_size: int, action_count: int, hidden_sizes: Sequence[int]) -> int:
    """The weights and biases of :func:`q_network`, counted by hand (no torch)."""
    raise NotImplementedError("parameter_count")


if __name__ == "__main__":
    # Acrobot-v1: 6 numbers, 3 actions; a table with 10 bins per number has 3,000,000 entries.
    network = q_network(6, 3, [64, 64])
    print(network)
    print(network(torch.randn(5, 6)).shape, parameter_count(6, 3, [64, 64]))
