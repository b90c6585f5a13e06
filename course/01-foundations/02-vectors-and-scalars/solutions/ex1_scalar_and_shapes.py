"""Exercise 1: Create scalar and 1D vector tensors; change their shape.

Fill in the three functions; each docstring says the shape to return.
"""

from __future__ import annotations

import torch


def make_scalar(value: float) -> torch.Tensor:
    """A float32 tensor holding ``value`` with shape (): a scalar, not a vector of one."""
    return torch.tensor(value, dtype=torch.float32)


def as_column(x: torch.Tensor) -> torch.Tensor:
    """The vector ``x`` of shape (n,) as a column of shape (n, 1), entries in the same order."""
    return x.unsqueeze(1)


def split_into_rows(x: torch.Tensor, rows: int) -> torch.Tensor:
    """The vector ``x`` of shape (n,) cut into ``rows`` rows of consecutive entries.

    Row 0 holds x[0], ..., x[n/rows - 1], row 1 the next n/rows entries, and so on: shape
    (rows, n // rows). If ``rows`` does not divide n, raise ValueError with a message that
    names n and rows, e.g. "cannot split 8 entries into 3 rows".
    """
    n = x.shape[0]
    if n % rows != 0:
        raise ValueError(f"cannot split {n} entries into {rows} rows")
    return x.reshape(rows, n // rows)
