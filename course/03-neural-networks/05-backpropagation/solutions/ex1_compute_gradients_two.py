"""Exercise 1: the backward pass of a two-layer tanh network with K outputs, for one example."""

from __future__ import annotations

import torch


def forward(params: dict[str, torch.Tensor], x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Given: h = tanh(W1 x + b1) (H,) and y_hat = W2 h + b2 (K,) for one input x (d,)."""
    h = torch.tanh(params["W1"] @ x + params["b1"])
    return params["W2"] @ h + params["b2"], h


def backward(
    params: dict[str, torch.Tensor], x: torch.Tensor, y: torch.Tensor
) -> dict[str, torch.Tensor]:
    """The gradients of L = sum_k (y_hat_k - y_k)^2 for one example x (d,) with targets y (K,),
    with respect to W1 (H, d), b1 (H,), W2 (K, H) and b2 (K,), each of its parameter's shape.
    By hand: no autograd."""
    y_hat, h = forward(params, x)
    g_y_hat = 2 * (y_hat - y)  # (K,)
    g_h = params["W2"].T @ g_y_hat  # (H, K) @ (K,) -> (H,)
    g_a = g_h * (1 - h**2)  # tanh'(a) = 1 - tanh(a)^2
    return {
        "W1": torch.outer(g_a, x),  # (H, d)
        "b1": g_a,
        "W2": torch.outer(g_y_hat, h),  # (K, H)
        "b2": g_y_hat,
    }
