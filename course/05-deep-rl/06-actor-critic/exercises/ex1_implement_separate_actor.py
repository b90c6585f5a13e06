"""Exercise 1: an actor and a critic as two separate networks, a batch of actions drawn
with their log-probabilities and values, and one optimizer per network.

Fill in the four pieces below, then run `rlcourse check 5.6`.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F  # noqa: F401
from torch import nn


class Actor(nn.Module):
    """observations (B, observation_size) -> logits (B, action_count), through one tanh layer."""

    def __init__(self, observation_size: int, action_count: int, hidden_size: int) -> None:
        super().__init__()
        # TODO: a Linear layer to hidden_size units, and a Linear output layer
        raise NotImplementedError("Actor.__init__")

    def forward(self, observations: torch.Tensor) -> torch.Tensor:
        # TODO: logits: the output layer applied to tanh of the hidden layer (no softmax here)
        raise NotImplementedError("Actor.forward")


class Critic(nn.Module):
    """observations (B, observation_size) -> values v(s) (B,), through one tanh layer."""

    def __init__(self, observation_size: int, hidden_size: int) -> None:
        super().__init__()
        # TODO: its own hidden layer (nothing shared with the actor) and one output unit
        raise NotImplementedError("Critic.__init__")

    def forward(self, observations: torch.Tensor) -> torch.Tensor:
        # TODO: one number per observation, shape (B,)
        raise NotImplementedError("Critic.forward")


def act_batch(
    actor: nn.Module, critic: nn.Module, observations: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """For a batch of observations (B, n): actions A ~ pi(. | s) (B,) int64 drawn with
    PyTorch's generator, log pi(A | s) (B,) and v(s) (B,), both keeping their gradients."""
    # TODO: F.log_softmax, torch.multinomial on the probabilities, gather the chosen column
    raise NotImplementedError("act_batch")


def make_optimizers(
    actor: nn.Module, critic: nn.Module, actor_lr: float, critic_lr: float
) -> tuple[torch.optim.Adam, torch.optim.Adam]:
    """One Adam per network, each with its own step size: (actor's, critic's)."""
    raise NotImplementedError("make_optimizers")
