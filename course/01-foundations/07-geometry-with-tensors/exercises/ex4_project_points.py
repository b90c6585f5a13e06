"""Exercise 4: Project one vector onto another and plot both.

Fill in ``project_rows`` and ``plot_projections``, then run `rlcourse check 1.7`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (you will need it)
import torch


def project_rows(x: torch.Tensor, onto: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Project every row of x, shape (n, d), onto the direction ``onto``, shape (d,).

    Returns (projections, residuals), both (n, d): projections[i] = t_i * onto with
    t_i = x[i] . onto / (onto . onto), and residuals[i] = x[i] - projections[i].
    """
    raise NotImplementedError("one coefficient per row, then the projections")


def plot_projections(x: torch.Tensor, onto: torch.Tensor, path: Path) -> None:
    """Plot 2-D points x, shape (n, 2), and their projections onto the line through ``onto``.

    One axes: the points (ax.scatter, label "points"), the projections (ax.scatter,
    label "projections"), the line through the origin along ``onto`` (ax.plot), a
    title, labelled axes, a legend and equal aspect; save the figure at ``path``.
    """
    raise NotImplementedError("draw the points, the line and the projections")
