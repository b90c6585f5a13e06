"""Exercise 2: Find the distance between two vectors.

Fill in ``pairwise_distances`` and ``nearest_rows``, then run `rlcourse check 1.7`.
"""

from __future__ import annotations

import torch


def pairwise_distances(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """Entry [i, j] is the distance ||a[i] - b[j]||; a has shape (n, d), b (m, d),
    the result (n, m).

    Use broadcasting (Part 1.5) to form every difference at once, not torch.cdist
    (the check makes it raise).
    """
    raise NotImplementedError("every difference at once, then one norm each")


def nearest_rows(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """For each row b[j], the index i of the row a[i] nearest to it: shape (m,), int64."""
    raise NotImplementedError("the index of the smallest distance")
