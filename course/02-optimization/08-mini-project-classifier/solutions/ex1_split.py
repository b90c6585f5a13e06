"""Exercise 1: Choose or generate a 2D dataset for classification.

Demo 1 generated two half-moons and held out a quarter of them. Write the held-out
split yourself, for any data set, then run `rlcourse check 2.8`.
"""

from __future__ import annotations

import torch


def train_test_split(
    x: torch.Tensor, y: torch.Tensor, test_fraction: float, seed: int
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Shuffle the n rows of x (n, d) and their labels y (n,) with one permutation drawn
    from a torch.Generator seeded with seed, and return x_train, y_train, x_test, y_test:
    the test set holds round(test_fraction * n) rows, the training set the others, and
    no row is in both."""
    n = len(x)
    order = torch.randperm(n, generator=torch.Generator().manual_seed(seed))
    n_test = round(test_fraction * n)
    test, train = order[:n_test], order[n_test:]
    return x[train], y[train], x[test], y[test]
