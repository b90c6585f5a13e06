"""Exercise 2: Implement linear regression training loop from scratch (using only tensors).

Demo 2 fitted one slope; here x has d features, so w is a column of d weights. Fill in
``train_linear`` with tensor operations only (no autograd, no optimizer), then run
`rlcourse check 2.4`.
"""

from __future__ import annotations

import torch


def train_linear(
    x: torch.Tensor, y: torch.Tensor, lr: float, steps: int
) -> tuple[torch.Tensor, torch.Tensor, list[float]]:
    """Gradient descent on L(w, b) = mean((x @ w + b - y)^2) for x (n, d) and y (n, 1),
    starting from w = 0 (shape (d, 1)) and b = 0 (shape ()). Returns w, b after ``steps``
    steps of size lr, and the loss before each step (``steps`` floats)."""
    n, d = x.shape
    w, b = torch.zeros(d, 1), torch.zeros(())
    losses = []
    for _ in range(steps):
        error = x @ w + b - y  # (n, 1)
        losses.append((error**2).mean().item())
        grad_w = 2 * x.T @ error / n  # (d, n) @ (n, 1) -> (d, 1)
        grad_b = 2 * error.mean()
        w, b = w - lr * grad_w, b - lr * grad_b
    return w, b, losses
