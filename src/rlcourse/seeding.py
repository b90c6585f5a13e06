"""Seeding every source of randomness a lesson uses, in one call (Part 1.1 introduces it)."""

from __future__ import annotations

import random

import numpy as np
import torch


def seed_everything(seed: int) -> np.random.Generator:
    """Seed Python's ``random``, NumPy's global state and PyTorch; return a NumPy generator.

    Environments are seeded separately, through ``env.reset(seed=...)`` and
    ``env.action_space.seed(...)``, because Gymnasium keeps its own generators.
    """
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    return np.random.default_rng(seed)
