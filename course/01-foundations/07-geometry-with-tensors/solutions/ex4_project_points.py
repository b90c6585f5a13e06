"""Exercise 4: Project one vector onto another and plot both.

Fill in ``project_rows`` and ``plot_projections``, then run `rlcourse check 1.7`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import torch


def project_rows(x: torch.Tensor, onto: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Project every row of x, shape (n, d), onto the direction ``onto``, shape (d,).

    Returns (projections, residuals), both (n, d): projections[i] = t_i * onto with
    t_i = x[i] . onto / (onto . onto), and residuals[i] = x[i] - projections[i].
    """
    t = (x @ onto) / (onto @ onto)  # (n, d) @ (d,) -> (n,): one coefficient per row
    projections = t[:, None] * onto  # (n, 1) * (d,) -> (n, d)
    return projections, x - projections


def plot_projections(x: torch.Tensor, onto: torch.Tensor, path: Path) -> None:
    """Plot 2-D points x, shape (n, 2), and their projections onto the line through ``onto``.

    One axes: the points (ax.scatter, label "points"), the projections (ax.scatter,
    label "projections"), the line through the origin along ``onto`` (ax.plot), a
    title, labelled axes, a legend and equal aspect; save the figure at ``path``.
    """
    projections, _ = project_rows(x, onto)
    fig, ax = plt.subplots(figsize=(5, 5))
    reach = float(torch.linalg.vector_norm(x, dim=1).max()) / float(torch.linalg.vector_norm(onto))
    ends = torch.stack([-reach * onto, reach * onto])  # (2, 2): the line's two ends
    ax.plot(ends[:, 0], ends[:, 1], color="gray", label="line through onto")
    ax.scatter(x[:, 0], x[:, 1], label="points")
    ax.scatter(projections[:, 0], projections[:, 1], label="projections")
    ax.set_aspect("equal")
    ax.set_xlabel("first coordinate")
    ax.set_ylabel("second coordinate")
    ax.set_title("Points and their projections onto a line")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)
