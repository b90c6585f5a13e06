"""The 2-D linear maps of Part 1.8, shared by its demos: rotation and scaling matrices,
and applying a matrix to a batch of points stored one per row."""

from __future__ import annotations

import math
from pathlib import Path

import torch
from matplotlib.axes import Axes
from matplotlib.figure import Figure

# The unit square's corners, anticlockwise from the origin: the shape Demos 3 and 4 move.
SQUARE = torch.tensor([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])


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


def draw_outline(ax: Axes, corners: torch.Tensor, colour: str, linestyle: str, label: str) -> None:
    """A polygon's outline through ``corners`` (n, 2), back to the first corner."""
    closed = torch.cat([corners, corners[:1]])
    ax.plot(closed[:, 0], closed[:, 1], color=colour, linestyle=linestyle, label=label)


def plane_axes(ax: Axes, xlim: tuple[float, float], ylim: tuple[float, float]) -> None:
    """Axes for shapes in the plane: fixed limits, equal units on x and y, a light grid."""
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal")
    ax.grid(alpha=0.3)
    ax.set_xlabel("x")
    ax.set_ylabel("y")


def save_with_legend(fig: Figure, ax: Axes, labels: list[str], title: str, path: Path) -> None:
    """One legend below all panels, with ``ax``'s entries renamed to ``labels``."""
    handles, _ = ax.get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=len(labels))
    fig.suptitle(title)
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    fig.savefig(path)
