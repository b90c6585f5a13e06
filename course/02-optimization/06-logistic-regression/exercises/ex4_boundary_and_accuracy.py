"""Exercise 4: Plot decision boundary and accuracy.

Demo 4 drew the boundary of a trained nn.Linear. Write the two pieces yourself for any
weights w = (w1, w2) and bias b, then run `rlcourse check 2.6`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (for the plot)
import torch


def accuracy(logits: torch.Tensor, y: torch.Tensor) -> float:
    """The share of the n points whose predicted class (1 where the logit is above 0, that
    is p above 0.5) equals the label y (floats 0.0 and 1.0), as a Python float."""
    raise NotImplementedError("threshold the logits, compare with y, average")


def plot_boundary(w: torch.Tensor, b: float, x: torch.Tensor, y: torch.Tensor, path: Path) -> None:
    """Save to ``path`` a scatter plot of the points x (n, 2), one scatter call per class,
    with the line w1 x1 + w2 x2 + b = 0 drawn across them (w2 is not 0), a title, labelled
    axes, equal aspect and a legend naming both classes and the boundary."""
    raise NotImplementedError("the two classes, the boundary line, labels and legend")
