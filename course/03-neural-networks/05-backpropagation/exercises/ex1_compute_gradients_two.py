"""Exercise 1: Compute gradients for a two-layer network by hand for a single example.

The network of Demo 1 with two changes: tanh instead of sigmoid, and K outputs instead of one
(a Q-network of Module 5 has one output per action). ``forward`` is given. Fill in
``backward``, then run `rlcourse check 3.5`.
"""

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
    raise NotImplementedError("dL/dy_hat = 2 (y_hat - y), then back through W2, tanh and W1")
