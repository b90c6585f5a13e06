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
    c, s = torch.cos(thetas), torch.sin(thetas)  # (k,) each
    first_row = torch.stack([c, -s], dim=-1)  # (k, 2)
    second_row = torch.stack([s, c], dim=-1)
    return torch.stack([first_row, second_row], dim=-2)  # rows stacked: (k, 2, 2)


def scalings(factors: torch.Tensor) -> torch.Tensor:
    """One scaling matrix per pair of factors: factors (k, 2) -> (k, 2, 2).

    result[i] = [[factors[i, 0], 0], [0, factors[i, 1]]].
    """
    return torch.diag_embed(factors)  # each row of factors on the diagonal of its own matrix
