"""The data of Part 2.3, shared by its demos: noisy points on a line, drawn from a seeded
torch generator, and the mean squared error of the line w x + b on them."""

from __future__ import annotations

import torch

TRUE_W, TRUE_B = 2.0, 1.0  # the line the points are drawn around


def line_data(n: int, noise: float, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """n inputs x in [-1, 1] and targets y = 2x + 1 + noise, both of shape (n,)."""
    generator = torch.Generator().manual_seed(seed)
    x = torch.rand(n, generator=generator) * 2 - 1
    y = TRUE_W * x + TRUE_B + noise * torch.randn(n, generator=generator)
    return x, y
