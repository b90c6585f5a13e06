"""The running example of Part 2.6: two clouds of labelled points in the plane, and the
two pieces of logistic regression every demo shares (the loss and the gradient step)."""

from __future__ import annotations

import torch
import torch.nn.functional as F

CENTRE, STD = (1.0, 0.5), 1.0  # class 1 around (1, 0.5), class 0 around (-1, -0.5)


# --8<-- [start:make]
def make_clouds(
    n_per_class: int, centre: tuple[float, float], std: float, seed: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """Points x of shape (2n, 2), class 0 around -centre then class 1 around +centre, and
    their labels y of shape (2n,): floats 0.0 and 1.0, as the loss expects."""
    generator = torch.Generator().manual_seed(seed)  # this seed alone decides the points
    mean = torch.tensor(centre)
    noise = std * torch.randn(2 * n_per_class, 2, generator=generator)  # N(0, std^2) each
    x = torch.cat([-mean + noise[:n_per_class], mean + noise[n_per_class:]])
    y = torch.cat([torch.zeros(n_per_class), torch.ones(n_per_class)])
    return x, y


# --8<-- [end:make]


# --8<-- [start:loss]
def bce_with_logits(logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The mean binary cross-entropy from the logits z, never from sigmoid(z):
    log p = logsigmoid(z) and log(1 - p) = logsigmoid(-z) stay finite for any z."""
    return -(y * F.logsigmoid(logits) + (1 - y) * F.logsigmoid(-logits)).mean()


# --8<-- [end:loss]


# --8<-- [start:step]
def gradient_step(
    x: torch.Tensor, y: torch.Tensor, w: torch.Tensor, b: torch.Tensor, lr: float
) -> tuple[torch.Tensor, torch.Tensor]:
    """One step of gradient descent on the BCE: dL/dw = x^T (p - y) / n, dL/db = mean(p - y)."""
    error = torch.sigmoid(x @ w + b) - y  # p - y, shape (n,)
    grad_w = x.T @ error / len(y)  # (2, n) @ (n,) -> (2,)
    return w - lr * grad_w, b - lr * error.mean()


# --8<-- [end:step]
