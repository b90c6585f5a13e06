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
    raise NotImplementedError("torch.where: the quadratic piece inside, the linear piece outside")


def best_constant(data: torch.Tensor, loss: Loss, alpha: float, steps: int) -> float:
    """Gradient descent on c -> mean(loss(c - data)) from c = 0, by autograd; returns c."""
    raise NotImplementedError("the loop of Part 2.2: backward, update under no_grad, zero")


def drag(data: torch.Tensor, outlier: float, loss: Loss, alpha: float, steps: int) -> float:
    """How far adding one point at ``outlier`` moves the best constant:
    best_constant(data + [outlier]) - best_constant(data)."""
    raise NotImplementedError("two fits, one with the outlier appended")
