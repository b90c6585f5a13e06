"""Exercise 1: Part 3.2's ReLU network as an nn.Module."""

from __future__ import annotations

import torch
from torch import nn


class ReluNet(nn.Module):
    """x (B, d) -> h = relu(x W1^T + b1) (B, H) -> logits z = h W2^T + b2 (B, 1).

    ``self.hidden`` is an nn.Linear(d, H) holding W1 (H, d) and b1 (H,); ``self.output``
    an nn.Linear(H, 1) holding W2 (1, H) and b2 (1,)."""

    def __init__(self, inputs: int, hidden: int) -> None:
        super().__init__()
        self.hidden = nn.Linear(inputs, hidden)  # assigning a Module registers its parameters
        self.output = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = torch.relu(self.hidden(x))
        return self.output(h)  # logits: no activation on the last layer
