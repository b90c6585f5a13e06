"""Exercise 2: Index and slice vectors; reverse a vector.

Fill in ``last_k`` and ``reverse``; read each docstring for what is allowed.
"""

from __future__ import annotations

import torch


def last_k(x: torch.Tensor, k: int) -> torch.Tensor:
    """The last ``k`` entries of the vector ``x`` (shape (n,)), in their order: shape (k,).

    0 <= k <= n. For k = 0 the answer is an empty vector of shape (0,).
    """
    n = x.shape[0]
    return x[n - k :]  # not x[-k:]: for k = 0 that is x[0:], the whole vector


def reverse(x: torch.Tensor) -> torch.Tensor:
    """The entries of the vector ``x`` in reverse order: y[i] = x[n - 1 - i], shape (n,).

    Index ``x`` with a vector of indices that you build with torch.arange; torch.flip,
    Tensor.flip and torch.fliplr are not allowed.
    """
    n = x.shape[0]
    indices = torch.arange(n - 1, -1, -1)  # n-1, n-2, ..., 0: the stop -1 is left out
    return x[indices]
