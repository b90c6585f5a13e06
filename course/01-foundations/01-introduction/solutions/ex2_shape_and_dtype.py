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
    return torch.tensor(rows, dtype=dtype)  # without dtype=, Python ints would give int64


def shape_and_dtype(t: torch.Tensor) -> tuple[tuple[int, ...], torch.dtype]:
    """The shape of ``t`` as a tuple of ints (a torch.Size is one), and its dtype.

    Think about a tensor made from a single number, torch.tensor(3.5): what is its shape?
    """
    # torch.Size is a subclass of tuple; tuple() makes it a plain one. A single number
    # has no axes, so its shape is the empty tuple ().
    return tuple(t.shape), t.dtype


def epsilon_by_halving(dtype: torch.dtype) -> float:
    """The gap between 1.0 and the next larger number of the float ``dtype``, found by search.

    Start with step = 1 and halve it while 1 + step / 2 is still different from 1 when
    the arithmetic is done in ``dtype`` (both numbers stored as tensors of that dtype).
    Return the last step as a Python float. Do not use torch.finfo: the check compares
    your answer with it.
    """
    one = torch.tensor(1.0, dtype=dtype)
    step = torch.tensor(1.0, dtype=dtype)
    # Halving a power of two is exact, so step stays 2^-k; the loop stops when 1 + step/2
    # rounds back to 1, i.e. when step is the gap between 1 and its upper neighbour.
    while one + step / 2 != one:
        step = step / 2
    return float(step.item())
