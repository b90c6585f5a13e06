"""Exercise 1: Compute the Euclidean norm (length) of a vector.

Fill in ``row_norms`` and ``unit_rows``, then run `rlcourse check 1.7`.
"""

from __future__ import annotations

import torch


def row_norms(x: torch.Tensor) -> torch.Tensor:
    """The Euclidean norm of each row of x, shape (n, d) -> (n,).

    Write it from the formula ||x|| = sqrt(x_0^2 + ... + x_{d-1}^2): no torch.linalg,
    torch.norm or Tensor.norm (the check makes them raise).
    """
    raise NotImplementedError("square, sum each row, take the square root")


def unit_rows(x: torch.Tensor) -> torch.Tensor:
    """x with each row divided by its norm, so that every row has length 1; shape (n, d).

    Rows of zeros have no direction: leave them as zeros.
    """
    raise NotImplementedError("divide each row by its norm")
