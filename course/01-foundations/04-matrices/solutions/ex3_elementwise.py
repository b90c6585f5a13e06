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
    same_shape = len(a) == len(b) and all(
        len(row_a) == len(row_b) for row_a, row_b in zip(a, b, strict=False)
    )
    if not same_shape:
        raise ValueError("the matrices do not have the same shape")
    pairs = [list(zip(row_a, row_b, strict=False)) for row_a, row_b in zip(a, b, strict=False)]
    total = [[x + y for x, y in row] for row in pairs]
    product = [[x * y for x, y in row] for row in pairs]
    return total, product


def mask_invalid(q_values: torch.Tensor, valid: torch.Tensor) -> torch.Tensor:
    """q_values (shape (k, a), float) where ``valid`` (a bool tensor of the same shape) is
    True, and -inf where it is False: an action that is not allowed can then never have the
    largest value. Valid entries must keep their values exactly.
    """
    minus_infinity = torch.full_like(q_values, float("-inf"))
    return torch.where(valid, q_values, minus_infinity)  # picks entry by entry
