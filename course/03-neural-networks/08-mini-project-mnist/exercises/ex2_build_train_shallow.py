"""Exercise 2: Build and train a shallow NN on MNIST.

Demo 2 flattens the images before the network and trains with Adam. Here the network
flattens them itself, trains with SGD and momentum, and is measured batch by batch.
Use ``rlcourse.networks.mlp`` and ``rlcourse.training.fit``; run `rlcourse check 3.8`.
"""

from __future__ import annotations

import torch
from torch import nn

from rlcourse.networks import mlp  # noqa: F401 (you will need it)
from rlcourse.training import fit  # noqa: F401 (you will need it)


def train_shallow_sgd(
    images: torch.Tensor, labels: torch.Tensor, hidden: int, epochs: int, seed: int
) -> nn.Module:
    """A network that takes images (B, H, W) and returns 10 class scores (B, 10): a
    Flatten, then one hidden layer of ``hidden`` ReLU units. Trained by ``fit`` on the
    cross-entropy with SGD (lr 0.05, momentum 0.9) in mini-batches of 32, the initial
    weights from torch.manual_seed(seed), the batch order from a generator seeded with seed."""
    raise NotImplementedError("nn.Sequential(nn.Flatten(), mlp(...)), SGD, then fit(...)")


def batched_accuracy(
    model: nn.Module, images: torch.Tensor, labels: torch.Tensor, batch_size: int
) -> float:
    """The share of ``images`` whose highest score is their label, computed in eval mode
    and ``batch_size`` images at a time, so that memory does not grow with the data set."""
    raise NotImplementedError("model.eval(), then count the right argmax batch by batch")
