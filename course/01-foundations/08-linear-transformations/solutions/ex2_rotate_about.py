"""Exercise 2: Apply a rotation matrix to a set of 2-D points.

A rotation matrix turns points about the origin. Turn them about any centre: fill in
``rotate_about``, then run `rlcourse check 1.8`.
"""

from __future__ import annotations

import math

import torch


def rotate_about(points: torch.Tensor, theta: float, centre: torch.Tensor) -> torch.Tensor:
    """Rotate each row of points, shape (n, 2), by theta radians anticlockwise about
    ``centre``, shape (2,). Returns shape (n, 2).

    Move the centre to the origin, rotate with one matrix product, move back.
    """
    c, s = math.cos(theta), math.sin(theta)
    r = torch.tensor([[c, -s], [s, c]], dtype=points.dtype)
    return (points - centre) @ r.T + centre  # rows: p' = R (p - centre) + centre
