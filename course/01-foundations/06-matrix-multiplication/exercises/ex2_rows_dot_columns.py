"""Exercise 2: Implement matrix multiplication “by hand” using loops and compare with PyTorch.

Demo 2 multiplied one pair of numbers at a time. Here each entry is one dot product:
fill in ``matmul_rows_dot_columns`` and ``agrees_with_torch``, then run `rlcourse check 1.6`.
"""

from __future__ import annotations

import torch


def matmul_rows_dot_columns(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """C = A B for 2-D tensors, with C[i, j] = torch.dot(row i of A, column j of B).

    - Loop over i and j; do not multiply whole matrices (no @ between 2-D tensors,
      no torch.matmul or torch.mm): the check watches.
    - If the inner sizes differ, raise ValueError with both shapes as tuples in the
      message, e.g. "cannot multiply (2, 3) by (2, 3)".
    - The result has shape (rows of A, columns of B) and A's dtype.
    """
    raise NotImplementedError("one dot product per entry")


def agrees_with_torch(a: torch.Tensor, b: torch.Tensor) -> bool:
    """Whether your product equals a @ b up to float32 rounding (atol=1e-5)."""
    raise NotImplementedError("compare with a @ b")
