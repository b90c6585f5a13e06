"""Exercise 2: Implement logistic regression "from scratch" (sigmoid and BCE loss).

Demo 2 used the course's loss and gradient step; write both yourself for d features,
with tensor operations only (no autograd, no optimizer, no nn), then run
`rlcourse check 2.6`.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F  # noqa: F401 (logsigmoid)


def bce_with_logits(logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The mean of -[y log sigmoid(z) + (1 - y) log(1 - sigmoid(z))] over the n logits z,
    finite for any z (even z = -200 with y = 1): a 0-d tensor."""
    raise NotImplementedError("the stable BCE: use logsigmoid, never log(sigmoid(z))")


def train_logistic(
    x: torch.Tensor, y: torch.Tensor, lr: float, steps: int
) -> tuple[torch.Tensor, torch.Tensor, list[float]]:
    """Gradient descent on bce_with_logits(x @ w + b, y) for x (n, d) and labels y (n,),
    from w = 0 (shape (d,)) and b = 0 (shape ()). Returns w, b after ``steps`` steps of
    size lr, and the loss before each step (``steps`` floats)."""
    raise NotImplementedError("the loop: logits, loss, p - y, gradients, update")
