"""The running example of Part 3.7: a wide network that memorises 300 of the 8x8 digits,
30% of them with a wrong label, and the two regularisers that stop it: dropout after
each hidden layer and weight decay in the optimizer."""

from __future__ import annotations

from dataclasses import dataclass

import torch
from sklearn.datasets import load_digits
from torch import nn

from rlcourse.networks import mlp
from rlcourse.stats import mean_and_standard_error
from rlcourse.training import fit

HIDDEN = (256, 256)  # wide enough to memorise every training label, wrong ones included


@dataclass(frozen=True)
class NoisyDigits:
    train_x: torch.Tensor  # (300, 64) float32 pixels in [0, 1]
    train_y: torch.Tensor  # (300,) int64, a share ``noise`` of them replaced at random
    val_x: torch.Tensor  # (500, 64) images no training step sees
    val_y: torch.Tensor  # (500,) int64, all correct


def noisy_digits(
    train_size: int = 300, val_size: int = 500, noise: float = 0.3, seed: int = 0
) -> NoisyDigits:
    """A training split whose labels are replaced by random digits with probability
    ``noise`` (as careless labelling would), and a clean validation split."""
    pixels, digits = load_digits(return_X_y=True)  # (1797, 64) values 0..16, (1797,)
    x = torch.tensor(pixels, dtype=torch.float32) / 16
    y = torch.tensor(digits, dtype=torch.int64)
    generator = torch.Generator().manual_seed(seed)
    order = torch.randperm(len(x), generator=generator)
    train, val = order[:train_size], order[train_size : train_size + val_size]
    train_y = y[train].clone()
    relabel = torch.rand(train_size, generator=generator) < noise
    train_y[relabel] = torch.randint(0, 10, (int(relabel.sum()),), generator=generator)
    return NoisyDigits(x[train], train_y, x[val], y[val])


# --8<-- [start:network]
def dropout_mlp(p: float) -> nn.Sequential:
    """mlp's network with nn.Dropout(p) after each hidden ReLU: (B, 64) -> (B, 10)."""
    return mlp(64, HIDDEN, 10, activation=lambda: nn.Sequential(nn.ReLU(), nn.Dropout(p)))


def train_regularised(
    data: NoisyDigits, p: float, weight_decay: float, epochs: int, seed: int
) -> nn.Sequential:
    """Dropout ``p`` and AdamW's ``weight_decay`` (both 0: no regularisation), mini-batches
    of 50 through fit, left in evaluation mode."""
    torch.manual_seed(seed)  # initial weights and dropout masks
    model = dropout_mlp(p)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=weight_decay)
    model.train()  # dropout on while learning: fit does not switch modes itself
    shuffle = torch.Generator().manual_seed(seed)
    fit(model, nn.CrossEntropyLoss(), optimizer, data.train_x, data.train_y, epochs, 50, shuffle)
    model.eval()  # dropout off from here on: predictions use every unit
    return model


# --8<-- [end:network]


@torch.no_grad()
def accuracy(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    """The share of rows whose highest score is their label, in the model's current mode."""
    return (model(x).argmax(dim=1) == y).float().mean().item()


# --8<-- [start:seeds]
def score_over_seeds(
    data: NoisyDigits, p: float, weight_decay: float, epochs: int, seeds: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    """(mean, standard error) over seeds 0 .. seeds - 1 of the validation accuracy and of
    the accuracy on the (noisy) training labels, each measured in evaluation mode."""
    models = [train_regularised(data, p, weight_decay, epochs, seed) for seed in range(seeds)]
    val = mean_and_standard_error([accuracy(m, data.val_x, data.val_y) for m in models])
    train = mean_and_standard_error([accuracy(m, data.train_x, data.train_y) for m in models])
    return val, train


# --8<-- [end:seeds]
