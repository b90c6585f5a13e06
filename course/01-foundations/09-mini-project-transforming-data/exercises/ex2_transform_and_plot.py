"""Exercise 2: Apply various matrix transformations and visualize before/after.

Fill in ``transform_and_plot``, then run `rlcourse check 1.9`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (you will need it)
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
    raise NotImplementedError("transform, predict the covariance, plot")
