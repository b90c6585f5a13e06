"""Exercise 4: Center and normalize the data with PyTorch.

An agent standardises each new observation with statistics it has already measured.
Fill in ``fit_standardizer`` and ``standardize``, then run `rlcourse check 1.9`.
"""

from __future__ import annotations

import torch


def fit_standardizer(data: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """The mean and the standard deviation (dividing by n - 1) of each feature of
    data (n, d): two tensors of shape (d,)."""
    raise NotImplementedError("the statistics of each feature")


def standardize(x: torch.Tensor, mean: torch.Tensor, std: torch.Tensor) -> torch.Tensor:
    """(x - mean) / std for each row of x (m, d), with statistics from fit_standardizer.

    A feature whose std is 0 (it never changed) has no spread to divide by: give it 0.
    """
    raise NotImplementedError("centre, then divide")
