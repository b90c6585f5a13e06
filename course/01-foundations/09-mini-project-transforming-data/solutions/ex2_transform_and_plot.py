"""Exercise 2: Apply various matrix transformations and visualize before/after.

Fill in ``transform_and_plot``, then run `rlcourse check 1.9`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import torch


def transform_and_plot(
    data: torch.Tensor, matrix: torch.Tensor, path: Path
) -> tuple[torch.Tensor, torch.Tensor]:
    """Apply ``matrix`` (2, 2) to every row of ``data`` (n, 2) and plot before and after.

    Returns (images, predicted): images (n, 2), each row M p; predicted (2, 2), the
    covariance the images must have, M C M^T, computed from the covariance C of
    ``data`` (torch.cov(data.T)) without looking at the images.

    The figure: one axes, two ax.scatter calls labelled "before" and "after", a legend,
    equal aspect, a title and labelled axes; saved at ``path``.
    """
    images = data @ matrix.T  # (n, 2) @ (2, 2): each row p becomes M p
    predicted = matrix @ torch.cov(data.T) @ matrix.T  # covariance of M x: M C M^T
    fig, ax = plt.subplots(figsize=(6, 6))
    ax.scatter(data[:, 0], data[:, 1], s=5, label="before")
    ax.scatter(images[:, 0], images[:, 1], s=5, label="after")
    ax.set_aspect("equal")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title("The data before and after a linear map")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)
    return images, predicted
