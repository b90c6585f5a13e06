"""Exercise 2: Scale a vector by a scalar (both manual and using broadcasting).

Write scalar multiplication twice: entry by entry, then in one broadcast expression.
Both must give exactly the tensor `c * x` gives, dtype included.
"""

from __future__ import annotations

import torch

Scalar = float | int | torch.Tensor  # a Python number or a tensor of shape ()


def scale_by_hand(c: Scalar, x: torch.Tensor) -> torch.Tensor:
    """(c x)_i = c * x_i, computed one entry at a time into a new tensor of shape (n,).

    The result must hold what `c * x` holds: an int64 vector times 0.5 is a float32
    vector (torch.result_type(c, x) gives the dtype).
    """
    raise NotImplementedError("multiply each entry by c")


def scale_broadcast(c: Scalar, x: torch.Tensor) -> torch.Tensor:
    """c x in one expression, without a loop: PyTorch stretches the scalar over x."""
    raise NotImplementedError("one expression")
