"""Exercise 1: a policy network for CartPole-v1, an action drawn with its log-probability,
and the score of a linear softmax policy by hand."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn


class PolicyNetwork(nn.Module):
    """observations (B, observation_size) -> logits (B, action_count), through one tanh layer."""

    def __init__(self, observation_size: int, action_count: int, hidden_size: int) -> None:
        super().__init__()
        self.hidden = nn.Linear(observation_size, hidden_size)
        self.output = nn.Linear(hidden_size, action_count)

    def forward(self, observations: torch.Tensor) -> torch.Tensor:
        return self.output(torch.tanh(self.hidden(observations)))


def act(policy: nn.Module, observation: torch.Tensor) -> tuple[int, torch.Tensor]:
    """Draw A ~ pi(. | s) for one observation (n,) with PyTorch's generator; return the
    action and log pi(A | s), a scalar tensor that keeps its gradient."""
    logits = policy(observation.unsqueeze(0))[0]  # (A,)
    log_pi = F.log_softmax(logits, dim=0)  # (A,)
    action = int(torch.multinomial(log_pi.exp().detach(), 1).item())
    return action, log_pi[action]


def linear_score(
    weight: torch.Tensor, bias: torch.Tensor, state: torch.Tensor, action: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """For logits = weight @ state + bias (weight (A, n), bias (A,), state (n,)): the
    gradients of log pi(action | state) with respect to weight (A, n) and bias (A,),
    by hand, without autograd."""
    pi = F.softmax(weight @ state + bias, dim=0)  # (A,)
    bias_gradient = F.one_hot(torch.tensor(action), len(bias)).float() - pi  # e_a - pi
    return torch.outer(bias_gradient, state), bias_gradient
