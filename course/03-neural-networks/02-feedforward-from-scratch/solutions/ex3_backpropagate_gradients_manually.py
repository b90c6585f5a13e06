"""Exercise 3: the backward pass of the ReLU network, by hand."""

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
    z, h = forward_relu(params, x)
    dz = (torch.sigmoid(z) - y) / len(x)  # dL/dz (B, 1)
    da = (dz @ params["W2"].T) * (h > 0)  # relu'(a) is 1 where a > 0, else 0
    return {
        "W1": x.T @ da,
        "b1": da.sum(dim=0),
        "W2": h.T @ dz,
        "b2": dz.sum(dim=0),
    }
