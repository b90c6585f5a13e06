"""Exercise 1: a Q-network for CartPole-v1 whose hidden layers are given as a list of sizes.

Fill in the class and the two functions, then run this file and `rlcourse check 5.2`.
"""

from __future__ import annotations

from itertools import pairwise

import torch
from torch import nn


class FlexibleQNetwork(nn.Module):
    """Observations (B, observation_size) -> Q-values (B, action_count).

    ``hidden_sizes`` lists the width of each hidden layer: [64, 32] means
    Linear(obs, 64) -> ReLU -> Linear(64, 32) -> ReLU -> Linear(32, actions).
    An empty list gives a single Linear layer. The output layer has no activation.
    """

    def __init__(self, observation_size: int, action_count: int, hidden_sizes: list[int]) -> None:
        super().__init__()
        widths = [observation_size, *hidden_sizes]
        layers: list[nn.Module] = []
        for width_in, width_out in pairwise(widths):
            layers += [nn.Linear(width_in, width_out), nn.ReLU()]
        layers.append(nn.Linear(widths[-1], action_count))
        self.layers = nn.Sequential(*layers)

    def forward(self, observations: torch.Tensor) -> torch.Tensor:
        return self.layers(observations)


def count_parameters(network: nn.Module) -> int:
    """The number of trainable numbers (weights and biases) in ``network``."""
    return sum(p.numel() for p in network.parameters() if p.requires_grad)


def expected_parameter_count(
    observation_size: int, action_count: int, hidden_sizes: list[int]
) -> int:
    """The same number, from the layer sizes alone: each Linear(m, n) has m*n + n."""
    widths = [observation_size, *hidden_sizes, action_count]
    return sum(m * n + n for m, n in pairwise(widths))


if __name__ == "__main__":
    network = FlexibleQNetwork(4, 2, [64, 32])
    print(network)
    print("Q-values of a batch of 5 states:", tuple(network(torch.randn(5, 4)).shape))
    print(
        "parameters:",
        count_parameters(network),
        "expected:",
        expected_parameter_count(4, 2, [64, 32]),
    )
