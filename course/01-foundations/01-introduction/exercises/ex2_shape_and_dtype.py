"""Exercise 2: Create your first tensor and print its shape and dtype.

Fill in the three functions. Print their results too, if you like: the check calls them.
"""

from __future__ import annotations

import torch


def make_tensor(rows: list[list[int]], dtype: torch.dtype) -> torch.Tensor:
    """A tensor holding ``rows`` (a list of equally long lists) with the given ``dtype``.

    For rows = [[1, 2, 3], [4, 5, 6]] and dtype = torch.float64 the result has
    shape (2, 3) and dtype torch.float64, although the numbers are Python ints.
    """
    raise NotImplementedError("create the tensor")


def shape_and_dtype(t: torch.Tensor) -> tuple[tuple[int, ...], torch.dtype]:
    """The shape of ``t`` as a tuple of ints (a torch.Size is one), and its dtype.

    Think about a tensor made from a single number, torch.tensor(3.5): what is its shape?
    """
    raise NotImplementedError("read the shape and the dtype")


def epsilon_by_halving(dtype: torch.dtype) -> float:
    """The gap between 1.0 and the next larger number of the float ``dtype``, found by search.

    Start with step = 1 and halve it while 1 + step / 2 is still different from 1 when
    the arithmetic is done in ``dtype`` (both numbers stored as tensors of that dtype).
    Return the last step as a Python float. Do not use torch.finfo: the check compares
    your answer with it.
    """
    raise NotImplementedError("search for the epsilon")
