"""Exercise 1: Create rotation and scaling matrices.

Demo 1 built one matrix at a time. Here you build many at once, as a tensor of shape
(k, 2, 2). Fill in ``rotations`` and ``scalings``, then run `rlcourse check 1.8`.
"""

from __future__ import annotations

import torch


def rotations(thetas: torch.Tensor) -> torch.Tensor:
    """One anticlockwise rotation matrix per angle: thetas (k,) in radians -> (k, 2, 2).

    result[i] = [[cos t, -sin t], [sin t, cos t]] with t = thetas[i]; keep thetas' dtype.
    """
    raise NotImplementedError("cosines and sines, stacked into matrices")


def scalings(factors: torch.Tensor) -> torch.Tensor:
    """One scaling matrix per pair of factors: factors (k, 2) -> (k, 2, 2).

    result[i] = [[factors[i, 0], 0], [0, factors[i, 1]]].
    """
    raise NotImplementedError("the factors on the diagonals")
