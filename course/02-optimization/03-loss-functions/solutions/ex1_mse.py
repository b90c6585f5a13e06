"""Exercise 1: Implement Mean Squared Error (MSE) loss manually and with PyTorch.

Write MSE by hand, refusing predictions and targets of different shapes, and compare it
with PyTorch's.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F


def mse(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """(1/n) sum_i (pred_i - target_i)^2, a scalar tensor, by hand (no F.mse_loss).

    Raise ValueError naming both shapes if pred and target differ in shape: (n, 1) against
    (n,) would broadcast to (n, n) and give a wrong number without any error.
    """
    if pred.shape != target.shape:
        raise ValueError(f"pred has shape {tuple(pred.shape)} but target {tuple(target.shape)}")
    return ((pred - target) ** 2).mean()


def gap_to_torch(pred: torch.Tensor, target: torch.Tensor) -> float:
    """|mse(pred, target) - F.mse_loss(pred, target)|, as a float."""
    return (mse(pred, target) - F.mse_loss(pred, target)).abs().item()
