"""Exercise 1 of Part 7.5: checkpoints that move between machines and devices.

Write ``save_portable`` and ``load_portable``:

- save the BARE model's weights (a model wrapped in ``nn.DataParallel`` or
  ``DistributedDataParallel`` keeps it in ``.module``; its own state_dict prefixes every
  key with "module."), the optimizer's state and the step, with ``save_checkpoint``;
- load with ``load_checkpoint(path, device)``, which passes ``map_location=device`` to
  ``torch.load``, so a file written on a GPU opens on a machine without one; accept files
  whose keys still carry the "module." prefix (written by someone else's wrapped model);
  restore the model and the optimizer, and return the step.
"""

from __future__ import annotations

from pathlib import Path

import torch
from torch import nn
from torch.nn.modules.utils import consume_prefix_in_state_dict_if_present
from torch.nn.parallel import DistributedDataParallel

from rlcourse.checkpoints import load_checkpoint, save_checkpoint


def unwrap(model: nn.Module) -> nn.Module:
    """Given: the module inside a DataParallel or DistributedDataParallel wrapper."""
    return model.module if isinstance(model, nn.DataParallel | DistributedDataParallel) else model


def save_portable(
    model: nn.Module, optimizer: torch.optim.Optimizer, step: int, path: Path
) -> None:
    state = {"model": unwrap(model).state_dict(), "optimizer": optimizer.state_dict(), "step": step}
    save_checkpoint(state, path)


def load_portable(
    path: Path, model: nn.Module, optimizer: torch.optim.Optimizer, device: torch.device
) -> int:
    state = load_checkpoint(path, device)
    weights = state["model"]
    consume_prefix_in_state_dict_if_present(weights, "module.")
    unwrap(model).load_state_dict(weights)
    optimizer.load_state_dict(state["optimizer"])
    return int(state["step"])


if __name__ == "__main__":
    torch.manual_seed(0)
    model = nn.DataParallel(nn.Linear(3, 1))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.1)
    save_portable(model, optimizer, 7, Path("portable.pt"))
    bare = nn.Linear(3, 1)
    step = load_portable(
        Path("portable.pt"), bare, torch.optim.Adam(bare.parameters()), torch.device("cpu")
    )
    print("step", step, "same weights:", torch.equal(bare.weight, model.module.weight))
