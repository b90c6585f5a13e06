"""Exercise 2: Train small NNs with each activation on the same task; compare convergence.

Demo 2 compares five activations on the half-moons. Write the two pieces it is made of:
the runs over seeds, and their mean with a band of one standard error. Fill in
``train_runs`` and ``mean_and_band``, then run `rlcourse check 3.4`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import torch
from torch import nn

from rlcourse.networks import mlp  # noqa: F401 (you will need it)
from rlcourse.training import fit  # noqa: F401 (you will need it)


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
    raise NotImplementedError("a loop over seeds: manual_seed, mlp, SGD, fit")


def mean_and_band(curves: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For curves of shape (seeds, epochs): the mean over seeds at each epoch and the
    standard error of that mean, s / sqrt(seeds), with the sample standard deviation s."""
    raise NotImplementedError("mean and standard deviation along the seeds' axis")
