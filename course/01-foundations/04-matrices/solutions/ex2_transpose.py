"""Exercise 2: Transpose a matrix and verify with PyTorch.

Write the transpose with loops, then read a matrix column by column.
"""

from __future__ import annotations

import torch


def transpose_by_hand(a: torch.Tensor) -> torch.Tensor:
    """A^T with loops: shape (n, m) for A of shape (m, n), (A^T)[j, i] = A[i, j].

    Do not use .T, .t(), .transpose, .permute or .mT here; the check compares your result
    with them.
    """
    m, n = a.shape
    t = torch.empty(n, m, dtype=a.dtype)
    for i in range(m):
        for j in range(n):
            t[j, i] = a[i, j]
    return t


def columns_in_a_row(a: torch.Tensor) -> torch.Tensor:
    """The entries of A read column by column, as one vector of shape (m * n,):
    A[0, 0], A[1, 0], ..., A[m-1, 0], then column 1, and so on. No loop this time.
    """
    return a.T.reshape(-1)  # rows of A^T are the columns of A; reshape copies them in order
