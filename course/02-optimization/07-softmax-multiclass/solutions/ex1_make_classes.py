"""Exercise 1: Generate synthetic data for three classes.

Demo 1 made three clouds in the plane. Write a generator for any number of classes k in
any dimension d, one centre per class, then run `rlcourse check 2.7`.
"""

from __future__ import annotations

import torch


def make_classes(
    n_per_class: int, centres: torch.Tensor, std: float, seed: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """For centres of shape (k, d): points x of shape (k n, d), first the n points of class 0
    around centres[0], then class 1's around centres[1], and so on, each with normal noise
    of standard deviation std, drawn from a torch.Generator seeded with seed; and labels y
    of shape (k n,), dtype int64: n zeros, then n ones, ..., then n times k - 1."""
    generator = torch.Generator().manual_seed(seed)
    k, d = centres.shape
    clouds = [centre + std * torch.randn(n_per_class, d, generator=generator) for centre in centres]
    x = torch.cat(clouds)  # (k n, d), class 0's rows first
    y = torch.arange(k).repeat_interleave(n_per_class)  # (k n,) int64, in the order of x
    return x, y
