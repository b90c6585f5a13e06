"""The 2-D linear maps of Part 1.8, shared by its demos: rotation and scaling matrices,
and applying a matrix to a batch of points stored one per row."""

from __future__ import annotations

import math

import torch


# --8<-- [start:matrices]
def rotation(theta: float) -> torch.Tensor:
    """R(theta), shape (2, 2): turns every vector by theta radians, anticlockwise.

    Its columns are where the basis vectors land: e0 -> (cos, sin), e1 -> (-sin, cos).
    """
    c, s = math.cos(theta), math.sin(theta)
    return torch.tensor([[c, -s], [s, c]])


def scaling(sx: float, sy: float) -> torch.Tensor:
    """S = diag(sx, sy), shape (2, 2): stretches the first coordinate by sx, the second by sy."""
    return torch.tensor([[sx, 0.0], [0.0, sy]])


def apply(matrix: torch.Tensor, points: torch.Tensor) -> torch.Tensor:
    """M p for every row p of points, shape (n, 2): (M p)^T = p^T M^T, so points @ M.T."""
    return points @ matrix.T


# --8<-- [end:matrices]
