"""The data set of Part 1.9, shared by its demos: a tilted, elongated cloud of 2-D points."""

from __future__ import annotations

import math

import torch


# --8<-- [start:make]
def make_cloud(n: int, seed: int) -> torch.Tensor:
    """n points of a tilted, elongated cloud, shape (n, 2).

    Start from standard normal noise z (mean 0, spread 1 in every direction), stretch it
    by (2, 0.5), turn it by 30 degrees and move it to (3, 1): each row x = R S z + m.
    """
    generator = torch.Generator().manual_seed(seed)
    z = torch.randn(n, 2, generator=generator)  # (n, 2)
    c, s = math.cos(math.radians(30)), math.sin(math.radians(30))
    turn_and_stretch = torch.tensor([[c, -s], [s, c]]) @ torch.diag(torch.tensor([2.0, 0.5]))
    return z @ turn_and_stretch.T + torch.tensor([3.0, 1.0])  # (n, 2) @ (2, 2) + (2,)


# --8<-- [end:make]
