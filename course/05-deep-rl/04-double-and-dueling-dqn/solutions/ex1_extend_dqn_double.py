"""Exercise 1: Double DQN's targets, written by hand.

Write ``double_targets``: the online network picks the next action, the target network
values it. Then run `rlcourse check 5.4`.
"""

from __future__ import annotations

import torch
from torch import nn


def double_targets(
    online_network: nn.Module,
    target_network: nn.Module,
    rewards: torch.Tensor,
    next_observations: torch.Tensor,
    terminated: torch.Tensor,
    truncated: torch.Tensor,
    gamma: float,
) -> torch.Tensor:
    """y = r + gamma * (1 - terminated) * Q_target(s', argmax_a' Q_online(s', a')), shape (B,).

    ``rewards``, ``terminated``, ``truncated``: (B,) float32; ``next_observations``:
    (B, observation_size). The targets are constants: no gradient may reach either network.
    """
    with torch.no_grad():
        best = online_network(next_observations).argmax(dim=1, keepdim=True)  # (B, 1)
        next_values = target_network(next_observations).gather(1, best).squeeze(1)  # (B,)
    # Only a real ending stops the bootstrap; a time limit leaves the future its value.
    return rewards + gamma * (1.0 - terminated) * next_values
