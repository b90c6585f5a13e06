"""Exercise 4: Chain multiple transformations and describe the result.

Fill in ``compose`` and ``describe``, then run `rlcourse check 1.8`.
"""

from __future__ import annotations

import math  # noqa: F401 (you will need it)

import torch


def compose(matrices: list[torch.Tensor]) -> torch.Tensor:
    """The one (2, 2) matrix that applies ``matrices`` in the order of the list:
    matrices[0] first, then matrices[1], and so on. An empty list gives the identity.
    """
    raise NotImplementedError("multiply the matrices in the right order")


def describe(matrix: torch.Tensor) -> tuple[float, float]:
    """Describe a chain of rotations and uniform scalings, which is always k R(theta):
    return (theta in degrees, in (-180, 180], and the scale factor k > 0).

    The first column of k R(theta) is k (cos theta, sin theta), the image of (1, 0).
    """
    raise NotImplementedError("read the angle and the scale from the first column")
