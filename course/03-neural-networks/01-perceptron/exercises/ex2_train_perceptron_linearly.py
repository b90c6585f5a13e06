"""Exercise 2: Train the perceptron on linearly separable data.

Write the whole training loop yourself: epochs, the update, the mistake count, and the
stop. Fill in ``train_until_separated``, then run `rlcourse check 3.1`.
"""

from __future__ import annotations

import torch


def train_until_separated(
    points: torch.Tensor, labels: torch.Tensor, max_epochs: int
) -> tuple[torch.Tensor, list[int]]:
    """points (n, 2), labels (n,) of +-1.0. Start from w = 0 (3,), bias last, and pass
    over the points in order, updating on every mistake (y w.x~ <= 0), until an epoch
    makes no mistake or max_epochs have run. Returns the weights (3,) and the number of
    mistakes of each epoch."""
    raise NotImplementedError("augment the points, then loop over epochs and points")
