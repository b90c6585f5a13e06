"""Exercise 3: Visualize binary cross-entropy loss as a function of its input.

Write binary cross-entropy from logits so that it stays finite for large |z|, and draw it.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import torch


def bce_with_logits(z: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """-[y log sigmoid(z) + (1 - y) log(1 - sigmoid(z))] for each entry, finite for every z.

    Use log(1 + e^t) = max(t, 0) + log(1 + e^{-|t|}), which never overflows; the loss is
    log(1 + e^{-z}) for y = 1 and log(1 + e^{z}) for y = 0. No F.binary_cross_entropy*,
    no F.softplus."""
    return torch.clamp(z, min=0) - z * y + torch.log1p(torch.exp(-z.abs()))


def plot_bce(file: Path) -> None:
    """Both curves (label 1 and label 0) over z in [-8, 8], labelled "y = 1" and "y = 0",
    with axis names, a legend and a title, saved at ``file``."""
    z = torch.linspace(-8.0, 8.0, 321)
    fig, ax = plt.subplots(figsize=(6, 4))
    for label in (1.0, 0.0):
        ax.plot(z, bce_with_logits(z, torch.full_like(z, label)), label=f"y = {label:g}")
    ax.set_xlabel("logit z")
    ax.set_ylabel("binary cross-entropy")
    ax.set_title("BCE as a function of the logit")
    ax.legend()
    fig.savefig(file)
    plt.close(fig)
