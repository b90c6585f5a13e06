"""Exercise 3: the boundary after each epoch, one panel per epoch."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import torch


def boundary_points(weights: torch.Tensor, low: float, high: float) -> torch.Tensor:
    """The two points (2, 2) of the line w_0 x_0 + w_1 x_1 + b = 0 at x_0 = low and
    x_0 = high; weights (3,) = (w_0, w_1, b) with w_1 != 0."""
    w0, w1, b = weights.tolist()
    x0 = torch.tensor([low, high])
    x1 = -(w0 * x0 + b) / w1  # solve w_0 x_0 + w_1 x_1 + b = 0 for x_1
    return torch.stack([x0, x1], dim=1)


def plot_epochs(
    points: torch.Tensor, labels: torch.Tensor, history: list[torch.Tensor], path: Path
) -> None:
    """One panel per entry of history (the weights after each epoch): the points coloured
    by label and the boundary for x_0 in [-2, 2], equal aspect, labelled axes, and the
    epoch number in each panel's title. Saves the figure at path."""
    fig, axes = plt.subplots(1, len(history), figsize=(3 * len(history), 3.5), squeeze=False)
    for epoch, (ax, weights) in enumerate(zip(axes[0], history, strict=True), start=1):
        line = boundary_points(weights, -2.0, 2.0)
        ax.scatter(points[:, 0], points[:, 1], c=labels, cmap="coolwarm", s=10)
        ax.plot(line[:, 0], line[:, 1], color="black")
        ax.set(xlim=(-2, 2), ylim=(-2, 2), aspect="equal", xlabel="$x_0$", ylabel="$x_1$")
        ax.set_title(f"epoch {epoch}")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
