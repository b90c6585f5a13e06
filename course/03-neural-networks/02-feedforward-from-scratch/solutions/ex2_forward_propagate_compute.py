"""Exercise 2: the mean binary cross-entropy of logits, without overflow."""

from __future__ import annotations

import torch


def bce_loss(z: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Mean over the batch of -[y log p + (1 - y) log(1 - p)], p = sigmoid(z), for logits
    z (B, 1) and labels y (B, 1) of 0.0 or 1.0. Finite for any finite logit."""
    per_point = torch.logaddexp(torch.zeros_like(z), z) - y * z  # log(1 + e^z) - y z
    return per_point.mean()
