"""Exercise 1: Add a row vector to each row of a matrix using broadcasting.

Scale every feature (column) of a batch of observations to the range [0, 1], with one
row vector of minima and one of ranges, broadcast over the rows.
"""

from __future__ import annotations

import torch


def min_max_scale(x: torch.Tensor) -> torch.Tensor:
    """Y[i, j] = (X[i, j] - min_j) / (max_j - min_j), for X of shape (m, n).

    min_j and max_j are the smallest and largest entries of column j: two row vectors of
    shape (n,). A column whose entries are all equal has range 0: its entries become 0.
    No loop over rows or columns.
    """
    raise NotImplementedError("column minima and ranges, then one broadcast expression")
