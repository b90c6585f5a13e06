"""Exercise 3: Plot confusion matrix of predictions.

Demo 3 counts test images; here each row becomes shares, so that a rare digit and a
common one can be compared. Write the counting yourself (no sklearn.metrics). Run
`rlcourse check 3.8`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (you will need it)
import torch


def confusion_shares(labels: torch.Tensor, predicted: torch.Tensor, classes: int) -> torch.Tensor:
    """(classes, classes) float64: entry [i, j] is the share of the images of true class i
    that were predicted as j, so each row sums to 1. A class with no images gets a row of
    zeros (not NaN)."""
    raise NotImplementedError("count each (true, predicted) pair, then divide each row by its sum")


def plot_confusion(shares: torch.Tensor, path: Path) -> None:
    """The shares as an image (rows: true class, columns: predicted class), with a title,
    labelled axes and a colour bar, saved at ``path``."""
    raise NotImplementedError("ax.imshow(shares), axis labels, a title, fig.colorbar, savefig")
