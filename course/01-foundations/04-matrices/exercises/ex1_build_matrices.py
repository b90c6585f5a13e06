"""Exercise 1: Create 2D tensors (matrices) with specific shapes.

Fill in ``checkerboard`` and ``stack_observations``.
"""

from __future__ import annotations

import torch


def checkerboard(rows: int, columns: int) -> torch.Tensor:
    """An int64 matrix of shape (rows, columns) with entry (i, j) = (i + j) % 2.

    Entry (0, 0) is 0, its right and lower neighbours are 1, and so on.
    """
    raise NotImplementedError("a (rows, columns) int64 matrix")


def stack_observations(observations: list[torch.Tensor]) -> torch.Tensor:
    """The k vectors of ``observations``, each of shape (d,), as the rows of a (k, d) matrix.

    Raise ValueError if the list is empty or the vectors do not all have the same shape
    (say which lengths you found).
    """
    raise NotImplementedError("check the list, then stack")
