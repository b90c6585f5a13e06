"""Exercise 3: Compute the mean and covariance matrix of the dataset.

Fill in ``covariance_and_correlation``, then run `rlcourse check 1.9`.
"""

from __future__ import annotations

import torch


def covariance_and_correlation(
    data: torch.Tensor,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """For data of shape (n, d), one observation per row, return

    - the mean, shape (d,);
    - the covariance matrix C, shape (d, d), dividing by n - 1;
    - the correlation matrix, C[j, k] / sqrt(C[j, j] C[k, k]), shape (d, d).

    From the formulas: torch.cov, torch.corrcoef and numpy.cov raise in the check.
    """
    n = data.shape[0]
    mean = data.mean(dim=0)  # (d,): average each feature over the rows
    centred = data - mean
    cov = centred.T @ centred / (n - 1)  # (d, n) @ (n, d) -> (d, d)
    std = cov.diagonal().sqrt()  # (d,): the standard deviation of each feature
    return mean, cov, cov / (std[:, None] * std[None, :])
