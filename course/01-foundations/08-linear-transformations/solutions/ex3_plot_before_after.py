"""Exercise 3: Visualize the effect of a transformation on a shape (e.g., a square).

Fill in ``area_factor`` and ``plot_before_after``, then run `rlcourse check 1.8`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import torch


def area_factor(matrix: torch.Tensor) -> float:
    """How many times the map ``matrix`` (2, 2) multiplies areas: |a d - b c|.

    Compute it from the four entries, without torch.linalg.det (the check makes it raise).
    """
    (a, b), (c, d) = matrix.tolist()
    return abs(a * d - b * c)


def plot_before_after(corners: torch.Tensor, matrix: torch.Tensor, path: Path) -> torch.Tensor:
    """Draw a polygon and its image under ``matrix``; return the image's corners.

    corners: (n, 2), the polygon's corners in order. The image's corners are M p for
    each row p. Draw both outlines with ax.plot, each closed (repeat its first corner
    at the end), with labels "before" and "after" in a legend; equal aspect; labelled
    axes; a title that shows the area factor with two decimals ("areas x 1.50").
    Save the figure at ``path``.
    """
    image = corners @ matrix.T  # (n, 2) @ (2, 2) -> (n, 2)
    fig, ax = plt.subplots(figsize=(5, 5))
    for shape, label in [(corners, "before"), (image, "after")]:
        closed = torch.cat([shape, shape[:1]])  # back to the first corner
        ax.plot(closed[:, 0], closed[:, 1], label=label)
    ax.set_aspect("equal")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title(f"A linear map: areas x {area_factor(matrix):.2f}")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)
    return image
