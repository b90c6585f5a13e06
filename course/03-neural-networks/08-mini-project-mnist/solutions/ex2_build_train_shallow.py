"""Exercise 2: Build and train a shallow NN on MNIST."""

from __future__ import annotations

import torch
from torch import nn

from rlcourse.networks import mlp
from rlcourse.training import fit


def train_shallow_sgd(
    images: torch.Tensor, labels: torch.Tensor, hidden: int, epochs: int, seed: int
) -> nn.Module:
    """A network that takes images (B, H, W) and returns 10 class scores (B, 10): a
    Flatten, then one hidden layer of ``hidden`` ReLU units. Trained by ``fit`` on the
    cross-entropy with SGD (lr 0.05, momentum 0.9) in mini-batches of 32, the initial
    weights from torch.manual_seed(seed), the batch order from a generator seeded with seed."""
    torch.manual_seed(seed)
    pixels = images[0].numel()
    model = nn.Sequential(nn.Flatten(), mlp(pixels, [hidden], 10))  # (B, H, W) -> (B, 10)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    shuffle = torch.Generator().manual_seed(seed)
    model.train()
    fit(model, nn.CrossEntropyLoss(), optimizer, images, labels, epochs, 32, shuffle)
    return model


@torch.no_grad()
def batched_accuracy(
    model: nn.Module, images: torch.Tensor, labels: torch.Tensor, batch_size: int
) -> float:
    """The share of ``images`` whose highest score is their label, computed in eval mode
    and ``batch_size`` images at a time, so that memory does not grow with the data set."""
    model.eval()
    right = 0
    for start in range(0, len(images), batch_size):
        scores = model(images[start : start + batch_size])  # (b, 10)
        right += (scores.argmax(dim=1) == labels[start : start + batch_size]).sum().item()
    return right / len(images)
