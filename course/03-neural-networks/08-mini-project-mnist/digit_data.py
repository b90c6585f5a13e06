"""The data and the network of Part 3.8: MNIST through torchvision (scikit-learn's 8x8
digits where MNIST cannot be downloaded), a shallow network trained by ``fit``, and its
predictions on the test split."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import torchvision
from sklearn.datasets import load_digits
from torch import nn

from rlcourse.networks import mlp
from rlcourse.training import fit

DEFAULT_ROOT = Path.home() / ".cache" / "rlcourse"  # where torchvision keeps MNIST/raw/
CLASSES = 10


@dataclass(frozen=True)
class DigitData:
    name: str  # "MNIST" or "8x8 digits": which data set every number came from
    train_images: torch.Tensor  # (N, H, W) float32 in [0, 1]; H = W = 28 for MNIST, 8 else
    train_labels: torch.Tensor  # (N,) int64 in 0..9
    test_images: torch.Tensor  # (M, H, W) float32, images no training step has seen
    test_labels: torch.Tensor  # (M,) int64


# --8<-- [start:load]
def load_digit_data(root: Path = DEFAULT_ROOT) -> DigitData:
    """MNIST's 60,000 training and 10,000 test images, downloaded into ``root`` once;
    scikit-learn's 8x8 digits (bundled, offline) when the download fails."""
    try:
        train = torchvision.datasets.MNIST(root, train=True, download=True)
        test = torchvision.datasets.MNIST(root, train=False, download=True)
    except RuntimeError as error:  # what torchvision raises once every mirror has failed
        lines = str(error).strip().splitlines()
        print(f"MNIST unavailable ({lines[0]} {lines[-1]}): using scikit-learn's 8x8 digits")
        return small_digits()
    # .data holds the uint8 pixels (N, 28, 28), 0 = background; .targets the labels (N,)
    return DigitData(
        "MNIST", train.data.float() / 255, train.targets, test.data.float() / 255, test.targets
    )


# --8<-- [end:load]


def small_digits(test_share: float = 0.2, split_seed: int = 0) -> DigitData:
    """scikit-learn's 1,797 digits (8x8 pixels, values 0..16), split at random into a
    training part and a test part of ``test_share`` of the images."""
    pixels, digits = load_digits(return_X_y=True)  # (1797, 64) values 0..16, (1797,)
    images = torch.tensor(pixels, dtype=torch.float32).reshape(-1, 8, 8) / 16  # in [0, 1]
    labels = torch.tensor(digits, dtype=torch.int64)
    order = torch.randperm(len(images), generator=torch.Generator().manual_seed(split_seed))
    n_test = round(test_share * len(images))
    test, train = order[:n_test], order[n_test:]
    return DigitData("8x8 digits", images[train], labels[train], images[test], labels[test])


# --8<-- [start:train]
def train_shallow(
    data: DigitData, hidden: int, epochs: int, batch_size: int, lr: float, seed: int
) -> tuple[nn.Sequential, list[float]]:
    """One hidden layer of ``hidden`` ReLU units, trained with Adam on the cross-entropy of
    the class scores; the model and its mean training loss per epoch."""
    torch.manual_seed(seed)  # the initial weights
    pixels = data.train_images[0].numel()  # H * W inputs: the image read row by row
    model = mlp(pixels, [hidden], CLASSES)  # (B, H*W) -> (B, 10) class scores (logits)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    inputs = data.train_images.flatten(start_dim=1)  # (N, H, W) -> (N, H*W)
    shuffle = torch.Generator().manual_seed(seed)  # the order of the mini-batches
    model.train()
    losses = fit(
        model, nn.CrossEntropyLoss(), optimizer, inputs, data.train_labels, epochs,
        batch_size, shuffle,
    )  # fmt: skip
    return model, losses


@torch.no_grad()
def predict(model: nn.Module, images: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """The predicted digit (M,) and the softmax probability of each digit (M, 10)."""
    model.eval()
    probabilities = torch.softmax(model(images.flatten(start_dim=1)), dim=1)
    return probabilities.argmax(dim=1), probabilities


# --8<-- [end:train]


def accuracy(predicted: torch.Tensor, labels: torch.Tensor) -> float:
    """The share of predictions equal to their label."""
    return (predicted == labels).float().mean().item()
