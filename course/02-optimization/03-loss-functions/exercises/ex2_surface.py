"""Exercise 2: Plot the loss surface for a simple linear model.

The model through the origin, pred = w x, has one parameter; give it a second one, b, and
draw the MSE over both.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401  (you will need it)
import torch


def loss_grid(x: torch.Tensor, y: torch.Tensor, ws: torch.Tensor, bs: torch.Tensor) -> torch.Tensor:
    """MSE of pred = w x + b on (x, y) for every pair: entry [i, j] uses b = bs[i], w = ws[j].

    x, y of shape (n,); ws (W,), bs (B,); result (B, W), computed by broadcasting (no loop)."""
    raise NotImplementedError("predictions of shape (B, W, n), then the mean over n")


def plot_surface(x: torch.Tensor, y: torch.Tensor, file: Path) -> None:
    """Contours of loss_grid over w in [-2, 4] and b in [-2, 3] (ax.contour(ws, bs, grid)),
    slope w across and intercept b up, with axis names and a title, saved at ``file``."""
    raise NotImplementedError("the grid, ax.contour, labels, title, savefig")
