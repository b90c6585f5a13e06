"""Exercise 3: Visualize binary cross-entropy loss as a function of its input.

Write binary cross-entropy from logits so that it stays finite for large |z|, and draw it.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401  (you will need it)
import torch


def bce_with_logits(z: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """-[y log sigmoid(z) + (1 - y) log(1 - sigmoid(z))] for each entry, finite for every z.

    Use log(1 + e^t) = max(t, 0) + log(1 + e^{-|t|}), which never overflows; the loss is
    log(1 + e^{-z}) for y = 1 and log(1 + e^{z}) for y = 0. No F.binary_cross_entropy*,
    no F.softplus."""
    raise NotImplementedError("the stable formula, for both labels at once")


def plot_bce(file: Path) -> None:
    """Both curves (label 1 and label 0) over z in [-8, 8], labelled "y = 1" and "y = 0",
    with axis names, a legend and a title, saved at ``file``."""
    raise NotImplementedError("two ax.plot calls, labels, legend, title, savefig")
