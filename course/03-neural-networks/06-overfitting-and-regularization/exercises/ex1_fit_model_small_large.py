"""Exercise 1: Fit a model to small and large datasets and plot train/test loss.

Demo 1 recorded the test loss during training inside ``fitting.train``; write that loop for
any model (train through ``rlcourse.training.fit``), then draw the curves of several training
sets on one figure. Fill in both functions, then run `rlcourse check 3.6`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import torch
from torch import nn

Data = tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]  # x, y, x_test, y_test


def loss_curves(
    model: nn.Module, data: Data, epochs: int, lr: float
) -> tuple[list[float], list[float]]:
    """Train ``model`` on (x, y) with full-batch Adam (learning rate ``lr``) through ``fit``, one
    epoch at a time. Returns the training loss of each epoch (as ``fit`` reports it) and the
    mean binary cross-entropy on (x_test, y_test) after that epoch's step."""
    raise NotImplementedError("one optimizer; per epoch: fit(..., epochs=1), then the test loss")


def plot_loss_curves(curves: dict[str, tuple[list[float], list[float]]], path: Path) -> None:
    """For each training set (by name), its training loss (dashed) and test loss (solid)
    against the epoch 1, 2, ..., labelled "<name>, training" and "<name>, test"; a title, axis
    labels and a legend. Saves the figure at path."""
    raise NotImplementedError("two ax.plot calls per training set, then title, labels, legend")
