"""Exercise 4: propose a Q-network to replace the Q-table, and count what it learns.

Fill in the two functions, then run this file and `rlcourse check 5.1`.
"""

from __future__ import annotations

import itertools
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
    layers: list[nn.Module] = []
    width = observation_size
    for hidden in hidden_sizes:
        layers += [nn.Linear(width, hidden), nn.ReLU()]
        width = hidden
    layers.append(nn.Linear(width, action_count))
    return nn.Sequential(*layers)


def parameter_count(observation_size: int, action_count: int, hidden_sizes: Sequence[int]) -> int:
    """The weights and biases of :func:`q_network`, counted by hand (no torch)."""
    widths = [observation_size, *hidden_sizes, action_count]
    # A Linear layer from m to n numbers has an (n, m) weight and n biases.
    return sum(m * n + n for m, n in itertools.pairwise(widths))


if __name__ == "__main__":
    # Acrobot-v1: 6 numbers, 3 actions; a table with 10 bins per number has 3,000,000 entries.
    network = q_network(6, 3, [64, 64])
    print(network)
    print(network(torch.randn(5, 6)).shape, parameter_count(6, 3, [64, 64]))
