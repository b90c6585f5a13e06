"""Exercise 1: Implement vector addition using PyTorch.

An agent starts at a point of the plane (or of any R^d) and moves by a list of
displacement vectors, one after the other. Fill in ``walk``.
"""

from __future__ import annotations

import torch


def walk(start: torch.Tensor, steps: torch.Tensor) -> torch.Tensor:
    """The positions p_0 = start and p_{j+1} = p_j + steps[j], stacked: shape (k + 1, d).

    ``start`` has shape (d,) and ``steps`` shape (k, d): row j is the j-th displacement.
    Add one displacement vector at a time. If ``steps`` is not 2-D or its rows do not have
    the length of ``start``, raise ValueError with both shapes in the message, even where
    PyTorch would broadcast them (a start of shape (1,)).
    """
    raise NotImplementedError("add the steps one by one, keeping every position")
