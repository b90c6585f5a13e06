"""Exercise 2: label noise, flipping an exact fraction of the labels at random, and a figure of
training and test loss against that fraction."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch


def flip_labels(y: torch.Tensor, fraction: float, generator: torch.Generator) -> torch.Tensor:
    """A copy of the labels y (n, 1) of 0.0 or 1.0 in which exactly round(fraction * n) of them,
    at positions drawn at random from ``generator`` without repeats, are flipped (0 <-> 1).
    y itself is left unchanged."""
    count = round(fraction * len(y))
    rows = torch.randperm(len(y), generator=generator)[:count]
    noisy = y.clone()
    noisy[rows] = 1 - noisy[rows]
    return noisy


def plot_overfitting(
    fractions: list[float], train_losses: list[float], test_losses: list[float], path: Path
) -> None:
    """Training and test loss against the fraction of flipped labels: two lines labelled
    "training loss" and "test loss", a title, axis labels and a legend. Saves it at path."""
    figure, axes = plt.subplots(figsize=(6, 4))
    axes.plot(fractions, train_losses, marker="o", label="training loss")
    axes.plot(fractions, test_losses, marker="o", label="test loss")
    axes.set_title("Overfitting grows with label noise")
    axes.set_xlabel("fraction of training labels flipped")
    axes.set_ylabel("binary cross-entropy")
    axes.legend()
    figure.savefig(path)
    plt.close(figure)
