"""Exercise 1: a two-layer network with a ReLU hidden layer, tensors only."""

from __future__ import annotations

import torch


def forward_relu(
    params: dict[str, torch.Tensor], x: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    """x (B, d) -> h = relu(x W1 + b1) (B, H) -> z = h W2 + b2 (B, 1), with W1 (d, H),
    b1 (H,), W2 (H, 1), b2 (1,). Returns (z, h)."""
    h = torch.relu(x @ params["W1"] + params["b1"])
    z = h @ params["W2"] + params["b2"]  # logits: no activation on the last layer
    return z, h
