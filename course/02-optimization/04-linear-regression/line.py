"""The running example of Part 2.4: noisy points around a known line, and the line that
least squares puts through them (the closed form every other method is compared with)."""

from __future__ import annotations

import torch

SLOPE, INTERCEPT, NOISE_STD = 2.0, 1.0, 2.0  # the true line y = 2x + 1, noise of std 2


# --8<-- [start:make]
def make_line_data(
    n: int, slope: float, intercept: float, noise_std: float, seed: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """n points (x, y) with x uniform on [0, 10) and y = slope x + intercept + noise:
    two tensors of shape (n, 1), one row per point, as nn.Linear expects."""
    generator = torch.Generator().manual_seed(seed)  # this seed alone decides the points
    x = 10 * torch.rand(n, 1, generator=generator)
    noise = noise_std * torch.randn(n, 1, generator=generator)  # N(0, noise_std^2)
    return x, slope * x + intercept + noise


# --8<-- [end:make]


# --8<-- [start:closed_form]
def least_squares(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The (w, b) minimising the MSE, from the normal equations X^T X theta = X^T y,
    solved in float64: a tensor of shape (2,)."""
    design = torch.cat([x, torch.ones_like(x)], dim=1).double()  # (n, 2): columns x and 1
    return torch.linalg.solve(design.T @ design, design.T @ y.double()).squeeze(1)


# --8<-- [end:closed_form]
