"""Exercise 1: Implement the perceptron update rule for a binary task.

The demos use labels -1 and +1. Many data sets store a binary label as 0 or 1: write the
update for those. Fill in ``update``, then run `rlcourse check 3.1`.
"""

from __future__ import annotations

import torch


def update(weights: torch.Tensor, x: torch.Tensor, label: int) -> torch.Tensor:
    """One perceptron step. weights (d + 1,), bias last; x (d,) one point, not augmented;
    label 0 or 1. Returns the new weights (d + 1,): unchanged when the point is strictly
    on its side, else w + y x~ with y = +1 for label 1 and -1 for label 0."""
    raise NotImplementedError("augment x, turn the label into y = +-1, update on a mistake")
