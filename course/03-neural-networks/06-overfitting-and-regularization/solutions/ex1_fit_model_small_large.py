"""Exercise 1: training and test loss after every epoch, and a figure of them for several
training sets."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
from torch import nn

from rlcourse.training import fit

Data = tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]  # x, y, x_test, y_test


def loss_curves(
    model: nn.Module, data: Data, epochs: int, lr: float
) -> tuple[list[float], list[float]]:
    """Train ``model`` on (x, y) with full-batch Adam (learning rate ``lr``) through ``fit``, one
    epoch at a time. Returns the training loss of each epoch (as ``fit`` reports it) and the
    mean binary cross-entropy on (x_test, y_test) after that epoch's step."""
    x, y, x_test, y_test = data
    loss_fn = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    train_losses: list[float] = []
    test_losses: list[float] = []
    for _ in range(epochs):
        train_losses += fit(model, loss_fn, optimizer, x, y, epochs=1)
        with torch.no_grad():
            test_losses.append(loss_fn(model(x_test), y_test).item())
    return train_losses, test_losses


def plot_loss_curves(curves: dict[str, tuple[list[float], list[float]]], path: Path) -> None:
    """For each training set (by name), its training loss (dashed) and test loss (solid)
    against the epoch 1, 2, ..., labelled "<name>, training" and "<name>, test"; a title, axis
    labels and a legend. Saves the figure at path."""
    figure, axes = plt.subplots(figsize=(7, 4))
    for name, (train_losses, test_losses) in curves.items():
        epochs = range(1, len(train_losses) + 1)
        line = axes.plot(epochs, train_losses, linestyle="--", label=f"{name}, training")[0]
        axes.plot(epochs, test_losses, color=line.get_color(), label=f"{name}, test")
    axes.set_title("Training and test loss")
    axes.set_xlabel("epoch")
    axes.set_ylabel("binary cross-entropy")
    axes.legend()
    figure.savefig(path)
    plt.close(figure)
