"""Exercise 3: Identify and fix a broadcasting error in code.

Both functions below are broken. Run them on the shapes in their docstrings, read what
happens, and fix each with the smallest change that makes the shapes line up.
"""

from __future__ import annotations

import torch


def row_probabilities(scores: torch.Tensor) -> torch.Tensor:
    """Each row of ``scores`` (shape (m, n), positive) divided by its own sum, so that
    every row sums to 1. Shape (m, n).
    """
    # Broken: for scores of shape (4, 3) this line raises a RuntimeError.
    return scores / scores.sum(dim=1)


def td_errors(q_values: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """targets[i] - q_values[i, 0] for each i, shape (b,).

    ``q_values`` has shape (b, 1), as a network with one output returns it, and
    ``targets`` has shape (b,).
    """
    # Broken: this line raises no error, yet its result is wrong.
    return targets - q_values
