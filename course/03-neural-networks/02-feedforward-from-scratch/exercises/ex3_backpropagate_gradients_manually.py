"""Exercise 3: Backpropagate gradients manually (by hand or using PyTorch's autograd).

Write the backward pass of Exercise 1's ReLU network by hand; the check compares it with
autograd for every parameter (and makes .backward() and torch.autograd.grad raise in your
code). ``forward_relu`` is given. Fill in ``backward_relu``, then run `rlcourse check 3.2`.
"""

from __future__ import annotations

import torch


def forward_relu(
    params: dict[str, torch.Tensor], x: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    """Given: z = relu(x W1 + b1) W2 + b2 (B, 1) and the hidden layer h (B, H)."""
    h = torch.relu(x @ params["W1"] + params["b1"])
    return h @ params["W2"] + params["b2"], h


def backward_relu(
    params: dict[str, torch.Tensor], x: torch.Tensor, y: torch.Tensor
) -> dict[str, torch.Tensor]:
    """The gradients of the mean binary cross-entropy of forward_relu(params, x) for labels
    y (B, 1), with respect to W1, b1, W2 and b2, each of its parameter's shape. By hand:
    no autograd."""
    raise NotImplementedError("dL/dz = (sigmoid(z) - y) / B, then back through W2 and the ReLU")
