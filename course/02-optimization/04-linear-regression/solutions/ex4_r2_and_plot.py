"""Exercise 4: Plot predictions vs. ground truth and compute R² score.

Fill in ``r2_score`` and ``plot_predictions``, then run `rlcourse check 2.4`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import torch


def r2_score(prediction: torch.Tensor, target: torch.Tensor) -> float:
    """R^2 = 1 - SS_res / SS_tot for predictions and targets of the same shape (n, 1), as a
    Python float: SS_res sums the squared errors, SS_tot the squared distances of the
    targets from their mean."""
    ss_res = ((target - prediction) ** 2).sum()
    ss_tot = ((target - target.mean()) ** 2).sum()
    return (1 - ss_res / ss_tot).item()


def plot_predictions(prediction: torch.Tensor, target: torch.Tensor, path: Path) -> None:
    """Save at ``path`` a scatter plot of the points (target, prediction), observed y across
    and predicted y up, with the line prediction = target, a title, axis labels and a
    legend."""
    fig, ax = plt.subplots()
    ax.scatter(target.squeeze(1), prediction.squeeze(1), label="points")
    low, high = target.min().item(), target.max().item()
    ax.plot([low, high], [low, high], "k--", label="prediction = target")
    ax.set_xlabel("observed y")
    ax.set_ylabel("predicted y")
    ax.set_title(f"Predictions against targets, R² = {r2_score(prediction, target):.3f}")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)
