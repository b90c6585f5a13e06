"""Exercise 1: an actor and a critic as two separate networks, a batch of actions drawn
with their log-probabilities and values, and one optimizer per network."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn


class Actor(nn.Module):
    """observations (B, observation_size) -> logits (B, action_count), through one tanh layer."""

    def __init__(self, observation_size: int, action_count: int, hidden_size: int) -> None:
        super().__init__()
        self.hidden = nn.Linear(observation_size, hidden_size)
        self.output = nn.Linear(hidden_size, action_count)

    def forward(self, observations: torch.Tensor) -> torch.Tensor:
        return self.output(torch.tanh(self.hidden(observations)))


class Critic(nn.Module):
    """observations (B, observation_size) -> values v(s) (B,), through one tanh layer."""

    def __init__(self, observation_size: int, hidden_size: int) -> None:
        super().__init__()
        self.hidden = nn.Linear(observation_size, hidden_size)
        self.output = nn.Linear(hidden_size, 1)

    def forward(self, observations: torch.Tensor) -> torch.Tensor:
        return self.output(torch.tanh(self.hidden(observations))).squeeze(1)


def act_batch(
    actor: nn.Module, critic: nn.Module, observations: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """For a batch of observations (B, n): actions A ~ pi(. | s) (B,) int64 drawn with
    PyTorch's generator, log pi(A | s) (B,) and v(s) (B,), both keeping their gradients."""
    log_pi = F.log_softmax(actor(observations), dim=1)  # (B, A)
    actions = torch.multinomial(log_pi.exp().detach(), 1).squeeze(1)  # (B,)
    log_probs = log_pi.gather(1, actions.unsqueeze(1)).squeeze(1)  # (B,)
    return actions, log_probs, critic(observations)


def make_optimizers(
    actor: nn.Module, critic: nn.Module, actor_lr: float, critic_lr: float
) -> tuple[torch.optim.Adam, torch.optim.Adam]:
    """One Adam per network, each with its own step size: (actor's, critic's)."""
    actor_optimizer = torch.optim.Adam(actor.parameters(), lr=actor_lr)
    critic_optimizer = torch.optim.Adam(critic.parameters(), lr=critic_lr)
    return actor_optimizer, critic_optimizer
