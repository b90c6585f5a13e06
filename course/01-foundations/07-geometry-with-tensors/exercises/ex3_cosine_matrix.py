"""Exercise 3: Calculate the cosine similarity between two vectors.

Fill in ``cosine_matrix`` and ``angle_matrix``, then run `rlcourse check 1.7`.
"""

from __future__ import annotations

import torch


def cosine_matrix(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """Entry [i, j] is the cosine similarity of a[i] and b[j]; a (n, d), b (m, d) -> (n, m).

    Scale every row to length 1, then one matrix product gives every dot product
    (Part 1.6). No row is all zeros.
    """
    raise NotImplementedError("unit rows, then one matrix product")


def angle_matrix(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """Entry [i, j] is the angle between a[i] and b[j] in degrees, from 0 to 180; (n, m).

    Parallel rows must give 0, never NaN.
    """
    raise NotImplementedError("the angles, in degrees")
