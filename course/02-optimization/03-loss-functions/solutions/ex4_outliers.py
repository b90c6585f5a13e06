"""Exercise 4: Compare how different loss functions penalize outliers.

Write the Huber loss, then measure how far one outlier drags the constant that each loss
fits to a data set.
"""

from __future__ import annotations

from collections.abc import Callable

import torch

Loss = Callable[[torch.Tensor], torch.Tensor]  # residuals (n,) -> losses (n,)


def huber(r: torch.Tensor, delta: float) -> torch.Tensor:
    """Elementwise: r^2 / 2 where |r| <= delta, delta (|r| - delta / 2) elsewhere.

    No F.huber_loss or F.smooth_l1_loss."""
    small = r.abs() <= delta
    return torch.where(small, 0.5 * r**2, delta * (r.abs() - 0.5 * delta))


def best_constant(data: torch.Tensor, loss: Loss, alpha: float, steps: int) -> float:
    """Gradient descent on c -> mean(loss(c - data)) from c = 0, by autograd; returns c."""
    c = torch.tensor(0.0, dtype=data.dtype, requires_grad=True)
    for _ in range(steps):
        loss(c - data).mean().backward()
        grad = c.grad
        assert grad is not None
        with torch.no_grad():
            c -= alpha * grad
        grad.zero_()
    return c.item()


def drag(data: torch.Tensor, outlier: float, loss: Loss, alpha: float, steps: int) -> float:
    """How far adding one point at ``outlier`` moves the best constant:
    best_constant(data + [outlier]) - best_constant(data)."""
    with_outlier = torch.cat([data, torch.tensor([outlier], dtype=data.dtype)])
    return best_constant(with_outlier, loss, alpha, steps) - best_constant(data, loss, alpha, steps)
