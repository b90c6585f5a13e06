"""Exercise 3: Use PyTorch's autograd and optimizer to fit a line.

The same model as Exercise 2, but autograd computes the gradients and torch.optim.SGD
takes the steps. Write the loop yourself (not rlcourse.training.fit), then run
`rlcourse check 2.4`.
"""

from __future__ import annotations

import torch


def train_with_autograd(
    x: torch.Tensor, y: torch.Tensor, lr: float, steps: int
) -> tuple[torch.Tensor, torch.Tensor, list[float]]:
    """Minimise mean((x @ w + b - y)^2) for x (n, d), y (n, 1) with torch.optim.SGD, from
    w = 0 (shape (d, 1)) and b = 0 (shape ()), both with requires_grad=True. Returns w and b
    detached, and the loss before each step (``steps`` floats)."""
    raise NotImplementedError("parameters, optimizer, then loss, zero_grad, backward, step")
