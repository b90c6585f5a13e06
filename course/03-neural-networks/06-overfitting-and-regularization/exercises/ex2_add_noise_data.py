"""Exercise 2: Add noise to data and visualize overfitting.

Demo 2 added noise to the inputs. Another kind of noise is a wrong label: write a function that
flips an exact fraction of the labels at random, and a figure of training and test loss against
that fraction. Fill in both functions, then run `rlcourse check 3.6`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import torch


def flip_labels(y: torch.Tensor, fraction: float, generator: torch.Generator) -> torch.Tensor:
    """A copy of the labels y (n, 1) of 0.0 or 1.0 in which exactly round(fraction * n) of them,
    at positions drawn at random from ``generator`` without repeats, are flipped (0 <-> 1).
    y itself is left unchanged."""
    raise NotImplementedError(
        "torch.randperm(n, generator=generator) gives positions without repeats"
    )


def plot_overfitting(
    fractions: list[float], train_losses: list[float], test_losses: list[float], path: Path
) -> None:
    """Training and test loss against the fraction of flipped labels: two lines labelled
    "training loss" and "test loss", a title, axis labels and a legend. Saves it at path."""
    raise NotImplementedError("two ax.plot calls, title, labels, legend, figure.savefig(path)")
