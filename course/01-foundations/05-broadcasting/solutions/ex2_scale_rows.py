"""Exercise 2: Multiply a matrix by a column vector using broadcasting.

Weight each row of a matrix by its own factor, then each matrix of a batch by its own
factor, without loops.
"""

from __future__ import annotations

import torch


def scale_rows(x: torch.Tensor, factors: torch.Tensor) -> torch.Tensor:
    """Y[i, j] = factors[i] * X[i, j] for X of shape (m, n) and factors of shape (m,)."""
    return x * factors.unsqueeze(1)  # (m, n) * (m, 1)


def scale_batch(batch: torch.Tensor, factors: torch.Tensor) -> torch.Tensor:
    """Y[k, i, j] = factors[k] * batch[k, i, j] for a batch of shape (b, m, n) and factors
    of shape (b,): every entry of matrix k is multiplied by factors[k].
    """
    return batch * factors.reshape(-1, 1, 1)  # (b, m, n) * (b, 1, 1)
