"""Exercise 3: Visualize decision boundary after each epoch.

Write the line of a weight vector and the small-multiples figure. Fill in
``boundary_points`` and ``plot_epochs``, then run `rlcourse check 3.1`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (you will need it)
import torch


def boundary_points(weights: torch.Tensor, low: float, high: float) -> torch.Tensor:
    """The two points (2, 2) of the line w_0 x_0 + w_1 x_1 + b = 0 at x_0 = low and
    x_0 = high; weights (3,) = (w_0, w_1, b) with w_1 != 0."""
    raise NotImplementedError("solve w_0 x_0 + w_1 x_1 + b = 0 for x_1")


def plot_epochs(
    points: torch.Tensor, labels: torch.Tensor, history: list[torch.Tensor], path: Path
) -> None:
    """One panel per entry of history (the weights after each epoch): the points coloured
    by label and the boundary for x_0 in [-2, 2], equal aspect, labelled axes, and the
    epoch number in each panel's title. Saves the figure at path."""
    raise NotImplementedError("plt.subplots(1, len(history)), one boundary per panel")
