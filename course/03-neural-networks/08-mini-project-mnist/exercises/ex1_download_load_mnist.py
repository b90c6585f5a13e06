"""Exercise 1: Download and load the MNIST dataset using PyTorch.

Write ``load_mnist_split`` with ``torchvision.datasets.MNIST(root, train=..., download=True)``
and the dataset's ``.data`` and ``.targets`` tensors. The check writes small files in
MNIST's own format into a temporary ``root``, so torchvision finds them and downloads
nothing. Run `rlcourse check 3.8`.
"""

from __future__ import annotations

from pathlib import Path

import torch
import torchvision  # noqa: F401 (you will need it)


def load_mnist_split(root: Path, train: bool) -> tuple[torch.Tensor, torch.Tensor]:
    """One split of MNIST from ``root`` (downloaded there if missing): the images as
    float32 (N, 28, 28) with pixels in [0, 1], and the labels as int64 (N,)."""
    raise NotImplementedError("torchvision.datasets.MNIST(root, train=train, download=True)")
