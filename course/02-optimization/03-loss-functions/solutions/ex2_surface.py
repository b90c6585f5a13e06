"""Exercise 2: Plot the loss surface for a simple linear model.

The model through the origin, pred = w x, has one parameter; give it a second one, b, and
draw the MSE over both.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import torch


def loss_grid(x: torch.Tensor, y: torch.Tensor, ws: torch.Tensor, bs: torch.Tensor) -> torch.Tensor:
    """MSE of pred = w x + b on (x, y) for every pair: entry [i, j] uses b = bs[i], w = ws[j].

    x, y of shape (n,); ws (W,), bs (B,); result (B, W), computed by broadcasting (no loop)."""
    pred = ws[None, :, None] * x + bs[:, None, None]  # (B, W, n)
    return ((pred - y) ** 2).mean(dim=-1)


def plot_surface(x: torch.Tensor, y: torch.Tensor, file: Path) -> None:
    """Contours of loss_grid over w in [-2, 4] and b in [-2, 3] (ax.contour(ws, bs, grid)),
    slope w across and intercept b up, with axis names and a title, saved at ``file``."""
    ws, bs = torch.linspace(-2.0, 4.0, 121), torch.linspace(-2.0, 3.0, 101)
    grid = loss_grid(x, y, ws, bs)
    fig, ax = plt.subplots(figsize=(6, 5))
    ax.contour(ws, bs, grid, levels=15)
    ax.set_xlabel("slope w")
    ax.set_ylabel("intercept b")
    ax.set_title("MSE of w x + b")
    fig.savefig(file)
    plt.close(fig)
