"""Exercise 4: Plot predictions vs. ground truth and compute R² score.

Fill in ``r2_score`` and ``plot_predictions``, then run `rlcourse check 2.4`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (you will need it)
import torch


def r2_score(prediction: torch.Tensor, target: torch.Tensor) -> float:
    """R^2 = 1 - SS_res / SS_tot for predictions and targets of the same shape (n, 1), as a
    Python float: SS_res sums the squared errors, SS_tot the squared distances of the
    targets from their mean."""
    raise NotImplementedError("1 - SS_res / SS_tot")


def plot_predictions(prediction: torch.Tensor, target: torch.Tensor, path: Path) -> None:
    """Save at ``path`` a scatter plot of the points (target, prediction), observed y across
    and predicted y up, with the line prediction = target, a title, axis labels and a
    legend."""
    raise NotImplementedError("the scatter plot and the diagonal")
