"""Exercise 1: Rewrite previous NN using nn.Module.

Part 3.2's Exercise 1 wrote a ReLU network with bare tensors; write it as an nn.Module.
Fill in ``ReluNet``, then run `rlcourse check 3.3`.
"""

from __future__ import annotations

import torch
from torch import nn


class ReluNet(nn.Module):
    """x (B, d) -> h = relu(x W1^T + b1) (B, H) -> logits z = h W2^T + b2 (B, 1).

    ``self.hidden`` is an nn.Linear(d, H) holding W1 (H, d) and b1 (H,); ``self.output``
    an nn.Linear(H, 1) holding W2 (1, H) and b2 (1,)."""

    def __init__(self, inputs: int, hidden: int) -> None:
        super().__init__()
        raise NotImplementedError("two nn.Linear layers, assigned to self.hidden and self.output")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError("hidden layer, ReLU, output layer")
