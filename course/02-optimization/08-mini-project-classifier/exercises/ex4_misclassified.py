"""Exercise 4: Evaluate model accuracy and plot misclassified points.

Demo 4 measured the accuracy on held-out points and circled the ones the network got
wrong. Write the three pieces yourself for any model with one logit per class, then run
`rlcourse check 2.8`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (for the plot)
import torch
from torch import nn


def misclassified(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """A boolean tensor of shape (n,), True where the model's predicted class (its largest
    logit) differs from the label y."""
    raise NotImplementedError("the predicted class of each row, compared with y")


def accuracy(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    """The share of the n points the model classifies correctly, a float in [0, 1]."""
    raise NotImplementedError("the share of points classified correctly")


def plot_misclassified(model: nn.Module, x: torch.Tensor, y: torch.Tensor, path: Path) -> None:
    """Save to ``path`` the points x (n, 2) coloured by their true label, one scatter call
    per class, and one more scatter call holding exactly the misclassified points (drawn
    as rings around them), with a title, labelled axes and a legend naming all three."""
    raise NotImplementedError("the classes by true label, then the misclassified points")
