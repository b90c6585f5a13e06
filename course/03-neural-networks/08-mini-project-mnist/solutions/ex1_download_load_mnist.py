"""Exercise 1: Download and load the MNIST dataset using PyTorch."""

from __future__ import annotations

from pathlib import Path

import torch
import torchvision


def load_mnist_split(root: Path, train: bool) -> tuple[torch.Tensor, torch.Tensor]:
    """One split of MNIST from ``root`` (downloaded there if missing): the images as
    float32 (N, 28, 28) with pixels in [0, 1], and the labels as int64 (N,)."""
    dataset = torchvision.datasets.MNIST(root, train=train, download=True)
    images = dataset.data.float() / 255  # uint8 0..255 -> float 0..1
    labels = dataset.targets.long()  # CrossEntropyLoss wants int64 class indices
    return images, labels
