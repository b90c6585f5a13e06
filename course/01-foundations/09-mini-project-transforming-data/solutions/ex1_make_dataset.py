"""Exercise 1: Load a simple 2D dataset (or generate synthetic data).

Generate a cloud with the spread and tilt you ask for: fill in ``make_dataset``, then
run `rlcourse check 1.9`.
"""

from __future__ import annotations

import math

import torch


def make_dataset(
    n: int, stds: tuple[float, float], degrees: float, centre: tuple[float, float], seed: int
) -> torch.Tensor:
    """n points, shape (n, 2), float32: a normal cloud with standard deviations ``stds``
    along its own axes, turned anticlockwise by ``degrees``, centred at ``centre``.

    Draw z of shape (n, 2) from torch.randn with a torch.Generator seeded with ``seed``;
    each row becomes x = R S z + centre, with S = diag(stds) and R the rotation.
    """
    generator = torch.Generator().manual_seed(seed)
    z = torch.randn(n, 2, generator=generator)
    theta = math.radians(degrees)
    c, s = math.cos(theta), math.sin(theta)
    rotate = torch.tensor([[c, -s], [s, c]])
    stretch = torch.diag(torch.tensor(stds, dtype=torch.float32))
    return z @ (rotate @ stretch).T + torch.tensor(centre)  # stretch first, then turn
