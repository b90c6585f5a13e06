"""Exercise 4: Test on non-separable data and analyze behavior.

Demo 4 fixes the endless loop by averaging; write the other classic fix, the pocket
perceptron. ``count_errors`` is given. Fill in ``pocket``, then run `rlcourse check 3.1`.
"""

from __future__ import annotations

import torch


def count_errors(weights: torch.Tensor, xs: torch.Tensor, ys: torch.Tensor) -> int:
    """Given: how many augmented points xs (n, 3) are on the wrong side or on the line."""
    return int((ys * (xs @ weights) <= 0).sum().item())


def pocket(points: torch.Tensor, labels: torch.Tensor, epochs: int) -> tuple[torch.Tensor, int]:
    """The perceptron from w = 0 for ``epochs`` passes over points (n, 2) with labels
    (n,) of +-1.0, keeping "in its pocket" a copy of the weights with the fewest training
    errors seen after any update (w = 0 to start). Returns those weights (3,) and their
    number of errors."""
    raise NotImplementedError("the perceptron loop, plus a pocket updated after each update")
