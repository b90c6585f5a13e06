"""Exercise 1: Add dropout layers to a network and plot training/validation accuracy."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
from torch import nn


def add_dropout(model: nn.Sequential, p: float) -> nn.Sequential:
    """The same layers (the same weights, not copies) with nn.Dropout(p) after each ReLU,
    so dropout acts on hidden units and never on the output scores."""
    layers: list[nn.Module] = []
    for layer in model:
        layers.append(layer)
        if isinstance(layer, nn.ReLU):
            layers.append(nn.Dropout(p))
    return nn.Sequential(*layers)


def plot_accuracy(train: list[float], validation: list[float], path: Path) -> None:
    """Both accuracies against the epoch (1, 2, ...), with a legend, labelled axes and a
    title, saved at ``path``."""
    fig, ax = plt.subplots(figsize=(6, 4))
    epochs = range(1, len(train) + 1)
    ax.plot(epochs, train, label="training")
    ax.plot(epochs, validation, label="validation")
    ax.set(xlabel="epoch", ylabel="accuracy", title="Accuracy with dropout")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)
