"""Exercise 1: Implement a two-layer neural network using tensors and matrix ops.

The demos use tanh in the hidden layer; write the network with ReLU, relu(a) = max(a, 0),
for inputs of any dimension d. Fill in ``forward_relu``, then run `rlcourse check 3.2`.
"""

from __future__ import annotations

import torch


def forward_relu(
    params: dict[str, torch.Tensor], x: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    """x (B, d) -> h = relu(x W1 + b1) (B, H) -> z = h W2 + b2 (B, 1), with W1 (d, H),
    b1 (H,), W2 (H, 1), b2 (1,). Returns (z, h)."""
    raise NotImplementedError("two matrix products, a bias each, ReLU in between")
