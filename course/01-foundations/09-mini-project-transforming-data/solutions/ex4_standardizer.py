"""Exercise 4: Center and normalize the data with PyTorch.

An agent standardises each new observation with statistics it has already measured.
Fill in ``fit_standardizer`` and ``standardize``, then run `rlcourse check 1.9`.
"""

from __future__ import annotations

import torch


def fit_standardizer(data: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """The mean and the standard deviation (dividing by n - 1) of each feature of
    data (n, d): two tensors of shape (d,)."""
    return data.mean(dim=0), data.std(dim=0)  # torch.std divides by n - 1 by default


def standardize(x: torch.Tensor, mean: torch.Tensor, std: torch.Tensor) -> torch.Tensor:
    """(x - mean) / std for each row of x (m, d), with statistics from fit_standardizer.

    A feature whose std is 0 (it never changed) has no spread to divide by: give it 0.
    """
    safe = torch.where(std > 0, std, torch.ones_like(std))  # avoid dividing by 0
    return torch.where(std > 0, (x - mean) / safe, torch.zeros_like(x))
