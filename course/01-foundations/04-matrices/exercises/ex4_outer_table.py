"""Exercise 4: Demonstrate broadcasting with a matrix and a vector.

Broadcast two vectors against each other into a table, then combine a matrix with one
number per row.
"""

from __future__ import annotations

import torch


def addition_table(u: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """The (m, n) table T[i, j] = u[i] + v[j] for u of shape (m,) and v of shape (n,).

    No loop: give u and v shapes that broadcast to (m, n).
    """
    raise NotImplementedError("u as a column, v as a row")


def subtract_row_maxima(x: torch.Tensor) -> torch.Tensor:
    """X (shape (m, n)) with each row's largest entry subtracted from that row:
    Y[i, j] = X[i, j] - max_j' X[i, j'], so every row's largest entry becomes 0.

    ``x.max(dim=1).values`` gives the m maxima with shape (m,); make it broadcast along
    the rows.
    """
    raise NotImplementedError("the maxima as a column")
