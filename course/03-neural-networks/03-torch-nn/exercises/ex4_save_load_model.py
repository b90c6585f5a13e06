"""Exercise 4: Save and load model weights.

Demo 4 saves a trained network's weights. To stop training and resume it later as if it
had never stopped, a checkpoint needs more. Fill in ``save_checkpoint`` and
``load_checkpoint``, then run `rlcourse check 3.3`.
"""

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
    raise NotImplementedError("torch.save a dict of the two state_dicts and the epoch")


def load_checkpoint(model: nn.Module, optimizer: torch.optim.Optimizer, path: Path) -> int:
    """Load the checkpoint at ``path`` with torch.load(..., weights_only=True), copy its
    state into ``model`` and ``optimizer`` (built the same way as when it was saved), and
    return its epoch."""
    raise NotImplementedError("torch.load with weights_only=True, then load_state_dict twice")
