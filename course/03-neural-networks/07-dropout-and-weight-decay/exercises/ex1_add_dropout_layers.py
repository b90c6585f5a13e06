"""Exercise 1: Add dropout layers to a network and plot training/validation accuracy.

Demo 1 builds its network with dropout from the start. Here you add dropout to a network
that already exists, such as one that ``rlcourse.networks.mlp`` built and someone
trained. Run `rlcourse check 3.7`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (you will need it)
from torch import nn


def add_dropout(model: nn.Sequential, p: float) -> nn.Sequential:
    """The same layers (the same weights, not copies) with nn.Dropout(p) after each ReLU,
    so dropout acts on hidden units and never on the output scores."""
    raise NotImplementedError("walk through model's layers; after each nn.ReLU add nn.Dropout(p)")


def plot_accuracy(train: list[float], validation: list[float], path: Path) -> None:
    """Both accuracies against the epoch (1, 2, ...), with a legend, labelled axes and a
    title, saved at ``path``."""
    raise NotImplementedError("two ax.plot calls with labels, ax.legend(), axis labels, savefig")
