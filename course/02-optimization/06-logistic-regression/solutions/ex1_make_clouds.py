"""Exercise 1: Generate binary classification data.

Demo 1 drew two clouds around +centre and -centre. Here the clouds may have different
sizes and different spreads, as real classes do. Fill in ``make_classes``, then run
`rlcourse check 2.6`.
"""

from __future__ import annotations

import torch


def make_classes(
    n0: int, n1: int, mean0: torch.Tensor, mean1: torch.Tensor, std0: float, std1: float, seed: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """n0 points around mean0 (each coordinate N(mean0, std0^2)), then n1 around mean1
    (spread std1), drawn from a torch.Generator seeded with ``seed``. Returns x of shape
    (n0 + n1, d), d = len(mean0), and float labels y of shape (n0 + n1,): 0.0 for the
    first n0 rows, 1.0 for the others."""
    generator = torch.Generator().manual_seed(seed)
    d = len(mean0)
    x0 = mean0 + std0 * torch.randn(n0, d, generator=generator)
    x1 = mean1 + std1 * torch.randn(n1, d, generator=generator)
    y = torch.cat([torch.zeros(n0), torch.ones(n1)])
    return torch.cat([x0, x1]), y
