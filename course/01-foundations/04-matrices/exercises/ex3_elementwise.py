"""Exercise 3: Perform elementwise addition and multiplication on two matrices.

First with plain Python lists, to see what PyTorch does per entry; then a mask applied
with elementwise operations, where the obvious answers go wrong.
"""

from __future__ import annotations

import torch


def elementwise_lists(
    a: list[list[float]], b: list[list[float]]
) -> tuple[list[list[float]], list[list[float]]]:
    """(A + B, A * B) entry by entry, for matrices given as lists of rows, without torch.

    Raise ValueError if the two do not have the same number of rows and the same number of
    entries in each row.
    """
    raise NotImplementedError("two nested loops or comprehensions")


def mask_invalid(q_values: torch.Tensor, valid: torch.Tensor) -> torch.Tensor:
    """q_values (shape (k, a), float) where ``valid`` (a bool tensor of the same shape) is
    True, and -inf where it is False: an action that is not allowed can then never have the
    largest value. Valid entries must keep their values exactly.
    """
    raise NotImplementedError("keep or replace each entry")
