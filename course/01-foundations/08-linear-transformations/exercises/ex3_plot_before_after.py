"""Exercise 3: Visualize the effect of a transformation on a shape (e.g., a square).

Fill in ``area_factor`` and ``plot_before_after``, then run `rlcourse check 1.8`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (you will need it)
import torch


def area_factor(matrix: torch.Tensor) -> float:
    """How many times the map ``matrix`` (2, 2) multiplies areas: |a d - b c|.

    Compute it from the four entries, without torch.linalg.det (the check makes it raise).
    """
    raise NotImplementedError("the determinant from the four entries")


def plot_before_after(corners: torch.Tensor, matrix: torch.Tensor, path: Path) -> torch.Tensor:
    """Draw a polygon and its image under ``matrix``; return the image's corners.

    corners: (n, 2), the polygon's corners in order. The image's corners are M p for
    each row p. Draw both outlines with ax.plot, each closed (repeat its first corner
    at the end), with labels "before" and "after" in a legend; equal aspect; labelled
    axes; a title that shows the area factor with two decimals ("areas x 1.50").
    Save the figure at ``path``.
    """
    raise NotImplementedError("transform the corners and draw both outlines")
