"""Exercise 1: a target network, written by hand: its TD targets and its two updates.

Write ``target_values`` (the regression targets the target network gives), and
``soft_update`` (Polyak averaging, of which the periodic copy is the case tau = 1).
Then run `rlcourse check 5.3`.
"""

from __future__ import annotations

import torch
from torch import nn


def target_values(
    target_network: nn.Module,
    rewards: torch.Tensor,
    next_observations: torch.Tensor,
    terminated: torch.Tensor,
    truncated: torch.Tensor,
    gamma: float,
) -> torch.Tensor:
    """y = r + gamma * (1 - terminated) * max_a' Q_target(s', a'), shape (B,).

    ``rewards``, ``terminated``, ``truncated``: (B,) float32; ``next_observations``:
    (B, observation_size). No gradient may reach the target network's weights.
    """
    raise NotImplementedError("target_values")


def soft_update(target_network: nn.Module, online_network: nn.Module, tau: float) -> None:
    """theta_target <- tau * theta_online + (1 - tau) * theta_target, in place, for every
    parameter; tau = 1 copies the online weights. The online network is left unchanged."""
    raise NotImplementedError("soft_update")
