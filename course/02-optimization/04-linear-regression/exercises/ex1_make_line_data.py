"""Exercise 1: Generate synthetic linear data with noise.

Fill in ``make_line_data``, then run `rlcourse check 2.4`.
"""

from __future__ import annotations

import torch


def make_line_data(
    n: int, slope: float, intercept: float, noise_std: float, low: float, high: float, seed: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """n points with x uniform on [low, high) and y = slope x + intercept + noise, the noise
    normal with mean 0 and standard deviation noise_std. Returns x and y, each of shape
    (n, 1), drawn from a torch.Generator seeded with seed."""
    raise NotImplementedError("x, then y = slope x + intercept + noise")
