"""Exercise 3: Plot confusion matrix of predictions."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import torch


def confusion_shares(labels: torch.Tensor, predicted: torch.Tensor, classes: int) -> torch.Tensor:
    """(classes, classes) float64: entry [i, j] is the share of the images of true class i
    that were predicted as j, so each row sums to 1. A class with no images gets a row of
    zeros (not NaN)."""
    counts = torch.zeros(classes, classes, dtype=torch.float64)
    for true, guess in zip(labels.tolist(), predicted.tolist(), strict=True):
        counts[true, guess] += 1
    per_class = counts.sum(dim=1, keepdim=True)  # (classes, 1): the images of each class
    return counts / per_class.clamp(min=1)  # an empty row stays 0 / 1 = 0


def plot_confusion(shares: torch.Tensor, path: Path) -> None:
    """The shares as an image (rows: true class, columns: predicted class), with a title,
    labelled axes and a colour bar, saved at ``path``."""
    fig, ax = plt.subplots(figsize=(5.5, 4.5))
    image = ax.imshow(shares, cmap="Blues", vmin=0, vmax=1)
    ax.set(xlabel="predicted class", ylabel="true class", title="Share of each class predicted as")
    fig.colorbar(image, ax=ax)
    fig.savefig(path)
    plt.close(fig)
