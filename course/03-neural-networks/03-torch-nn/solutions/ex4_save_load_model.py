"""Exercise 4: a checkpoint that resumes training exactly: the model's and the optimizer's
state and the epoch, saved as plain tensors and numbers."""

from __future__ import annotations

from pathlib import Path

import torch
from torch import nn


def save_checkpoint(
    model: nn.Module, optimizer: torch.optim.Optimizer, epoch: int, path: Path
) -> None:
    """Save at ``path`` one dict with the keys "model" (the model's state_dict),
    "optimizer" (the optimizer's state_dict) and "epoch" (an int): tensors, numbers and
    strings only, so that torch.load(path, weights_only=True) can read it."""
    checkpoint = {
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict(),  # Adam's running averages, one pair per parameter
        "epoch": epoch,
    }
    torch.save(checkpoint, path)


def load_checkpoint(model: nn.Module, optimizer: torch.optim.Optimizer, path: Path) -> int:
    """Load the checkpoint at ``path`` with torch.load(..., weights_only=True), copy its
    state into ``model`` and ``optimizer`` (built the same way as when it was saved), and
    return its epoch."""
    checkpoint = torch.load(path, weights_only=True)  # tensors and numbers: no code runs
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    return checkpoint["epoch"]
