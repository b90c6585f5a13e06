"""Exercise 1: Generate polynomial data with noise.

Demo 1 drew points around one cubic on [-2, 2). Here the coefficients and the interval are
arguments. Fill in ``make_poly_data``, then run `rlcourse check 2.5`.
"""

from __future__ import annotations

import torch


def make_poly_data(
    n: int, coefficients: list[float], noise_std: float, low: float, high: float, seed: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """n points with x uniform on [low, high) and y = c_0 + c_1 x + ... + c_K x^K + noise,
    where coefficients = [c_0, c_1, ..., c_K] and the noise is normal with mean 0 and
    standard deviation noise_std. Returns x and y, each of shape (n, 1), drawn from a
    torch.Generator seeded with seed."""
    generator = torch.Generator().manual_seed(seed)
    x = low + (high - low) * torch.rand(n, 1, generator=generator)
    y = torch.zeros_like(x)
    for k, c in enumerate(coefficients):  # c_k multiplies x to the power k
        y = y + c * x**k
    noise = noise_std * torch.randn(n, 1, generator=generator)
    return x, y + noise
