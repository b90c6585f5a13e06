"""Exercise 2: train one network per seed with a given activation, and summarise the loss
curves as a mean and a band of one standard error."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import torch
from torch import nn

from rlcourse.networks import mlp
from rlcourse.training import fit


def train_runs(
    activation: Callable[[], nn.Module],
    seeds: int,
    x: torch.Tensor,
    y: torch.Tensor,
    hidden: list[int],
    lr: float,
    epochs: int,
) -> np.ndarray:
    """For seed = 0, 1, ..., seeds - 1: seed torch, build mlp(x's width, hidden, 1,
    activation), train it with SGD (step size lr) on nn.BCEWithLogitsLoss through fit, full
    batch. Returns fit's losses as an array of shape (seeds, epochs)."""
    runs: list[list[float]] = []
    for seed in range(seeds):
        torch.manual_seed(seed)  # the initial weights: one draw per seed
        model = mlp(x.shape[1], hidden, 1, activation)
        optimizer = torch.optim.SGD(model.parameters(), lr=lr)
        runs.append(fit(model, nn.BCEWithLogitsLoss(), optimizer, x, y, epochs))
    return np.array(runs)


def mean_and_band(curves: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For curves of shape (seeds, epochs): the mean over seeds at each epoch and the
    standard error of that mean, s / sqrt(seeds), with the sample standard deviation s."""
    mean = curves.mean(axis=0)
    standard_error = curves.std(axis=0, ddof=1) / np.sqrt(curves.shape[0])
    return mean, standard_error
