"""Exercise 1: a policy network for CartPole-v1, an action drawn with its log-probability,
and the score of a linear softmax policy by hand.

Fill in the three pieces below, then run `rlcourse check 5.5`.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F  # noqa: F401
from torch import nn


class PolicyNetwork(nn.Module):
    """observations (B, observation_size) -> logits (B, action_count), through one tanh layer."""

    def __init__(self, observation_size: int, action_count: int, hidden_size: int) -> None:
        super().__init__()
        # TODO: a Linear layer to hidden_size units, and a Linear output layer
        raise NotImplementedError("PolicyNetwork.__init__")

    def forward(self, observations: torch.Tensor) -> torch.Tensor:
        # TODO: logits: the output layer applied to tanh of the hidden layer (no softmax here)
        raise NotImplementedError("PolicyNetwork.forward")


def act(policy: nn.Module, observation: torch.Tensor) -> tuple[int, torch.Tensor]:
    """Draw A ~ pi(. | s) for one observation (n,) with PyTorch's generator; return the
    action and log pi(A | s), a scalar tensor that keeps its gradient."""
    # TODO: logits -> log-probabilities (F.log_softmax) -> draw with torch.multinomial
    raise NotImplementedError("act")


def linear_score(
    weight: torch.Tensor, bias: torch.Tensor, state: torch.Tensor, action: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """For logits = weight @ state + bias (weight (A, n), bias (A,), state (n,)): the
    gradients of log pi(action | state) with respect to weight (A, n) and bias (A,),
    by hand, without autograd."""
    # TODO: the formula of the Mathematics section (F.softmax, F.one_hot, torch.outer help)
    raise NotImplementedError("linear_score")
