"""Exercise 3: Compute the dot product of two vectors (manual and built-in).

Write the dot product with a loop, then score several states at once with the built-in
one: a linear score w . x, the shape of the value functions of later parts.
"""

from __future__ import annotations

import torch


def dot_by_hand(a: torch.Tensor, b: torch.Tensor) -> float:
    """a . b = a_0 b_0 + ... + a_{n-1} b_{n-1} as a Python float, with a loop over i.

    torch.dot, torch.matmul, torch.inner and `@` are not allowed here. If the vectors
    have different lengths, raise ValueError with both lengths in the message.
    """
    raise NotImplementedError("multiply pairs of entries and add them up")


def scores(weights: torch.Tensor, features: torch.Tensor) -> torch.Tensor:
    """One score per row of ``features`` (shape (k, d)): score_j = weights . features[j].

    ``weights`` has shape (d,); the result has shape (k,). Use torch.dot or elementwise
    products and a sum over the right dimension.
    """
    raise NotImplementedError("one dot product per row")
