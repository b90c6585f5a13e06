"""Exercise 3: Train a multiclass classifier with PyTorch's `nn.CrossEntropyLoss`.

Demo 3 trained nn.Linear(2, 3) on three clouds. Train one for d features and a given
number of classes with the course's loop, rlcourse.training.fit, and write the
prediction, then run `rlcourse check 2.7`.
"""

from __future__ import annotations

import torch
from torch import nn

from rlcourse.training import fit  # noqa: F401 (the loop to train with)


def train_classifier(
    x: torch.Tensor, y: torch.Tensor, num_classes: int, lr: float, epochs: int
) -> tuple[nn.Linear, list[float]]:
    """nn.Linear(d, num_classes) for x (n, d), started at weight = 0 and bias = 0, trained
    on the int64 labels y (n,) by fit with full-batch SGD of step size lr and
    nn.CrossEntropyLoss. A class may have no point in y and still gets its row of
    weights. Returns the model and fit's losses (one per epoch)."""
    raise NotImplementedError("the model, zero start, SGD, and fit with nn.CrossEntropyLoss")


def predict(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
    """The predicted class of each row of x (n, d): the index of its largest logit, an
    int64 tensor of shape (n,)."""
    raise NotImplementedError("the index of the largest logit in each row")
