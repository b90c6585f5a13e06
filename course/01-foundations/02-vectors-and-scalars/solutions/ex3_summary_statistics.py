"""Exercise 3: Compute mean, sum, and standard deviation of a vector.

Write ``summarize`` from the formulas of the post, with sums and elementwise arithmetic
on tensors: torch's mean, std and var (functions and methods) and NumPy's are not allowed.
"""

from __future__ import annotations

import torch


def summarize(x: torch.Tensor, correction: int) -> tuple[float, float, float]:
    """(sum, mean, standard deviation) of the vector ``x`` of shape (n,), as Python floats.

    The standard deviation is sqrt(sum of (x_i - mean)^2 / (n - correction)): correction 0
    divides by n, correction 1 by n - 1, like torch.std(x, correction=...). If n is not
    larger than ``correction``, raise ValueError with a message that names n.
    """
    n = x.shape[0]
    if n <= correction:
        raise ValueError(f"{n} entries are too few for correction {correction}")
    total = x.sum()
    mean = total / n
    squared_deviations = ((x - mean) ** 2).sum()  # (n,) - () broadcasts the mean
    std = torch.sqrt(squared_deviations / (n - correction))
    return total.item(), mean.item(), std.item()
