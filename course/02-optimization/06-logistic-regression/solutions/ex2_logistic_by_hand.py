"""Exercise 2: Implement logistic regression "from scratch" (sigmoid and BCE loss).

Demo 2 used the course's loss and gradient step; write both yourself for d features,
with tensor operations only (no autograd, no optimizer, no nn), then run
`rlcourse check 2.6`.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F


def bce_with_logits(logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The mean of -[y log sigmoid(z) + (1 - y) log(1 - sigmoid(z))] over the n logits z,
    finite for any z (even z = -200 with y = 1): a 0-d tensor."""
    return -(y * F.logsigmoid(logits) + (1 - y) * F.logsigmoid(-logits)).mean()


def train_logistic(
    x: torch.Tensor, y: torch.Tensor, lr: float, steps: int
) -> tuple[torch.Tensor, torch.Tensor, list[float]]:
    """Gradient descent on bce_with_logits(x @ w + b, y) for x (n, d) and labels y (n,),
    from w = 0 (shape (d,)) and b = 0 (shape ()). Returns w, b after ``steps`` steps of
    size lr, and the loss before each step (``steps`` floats)."""
    n, d = x.shape
    w, b = torch.zeros(d), torch.zeros(())
    losses = []
    for _ in range(steps):
        logits = x @ w + b  # (n,)
        losses.append(bce_with_logits(logits, y).item())
        error = torch.sigmoid(logits) - y  # p - y: the gradient of the loss per logit
        grad_w = x.T @ error / n  # (d, n) @ (n,) -> (d,)
        grad_b = error.mean()
        w, b = w - lr * grad_w, b - lr * grad_b
    return w, b, losses
