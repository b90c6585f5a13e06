"""Exercise 3: save a training run so that it can be resumed exactly, and restore it, with
the course's checkpoints (an atomic write; loading refuses anything but tensors and data).
"""

from __future__ import annotations

from pathlib import Path

import torch
from torch import nn

from rlcourse.checkpoints import load_checkpoint, save_checkpoint


def save_run(path: Path, network: nn.Module, optimizer: torch.optim.Optimizer, epoch: int) -> None:
    """Write the network's and the optimizer's state_dicts and ``epoch`` to ``path`` with
    ``save_checkpoint``, under the keys "network", "optimizer" and "epoch"."""
    state = {"network": network.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}
    save_checkpoint(state, path)


def resume_run(path: Path, network: nn.Module, optimizer: torch.optim.Optimizer) -> int:
    """Load ``path`` with ``load_checkpoint``, put the saved states into ``network`` and
    ``optimizer`` (in place), and return the saved epoch."""
    state = load_checkpoint(path)
    network.load_state_dict(state["network"])
    optimizer.load_state_dict(state["optimizer"])
    return int(state["epoch"])


if __name__ == "__main__":
    import tempfile

    torch.manual_seed(0)
    network = nn.Linear(3, 2)
    optimizer = torch.optim.Adam(network.parameters(), lr=0.1)
    network(torch.ones(1, 3)).sum().backward()
    optimizer.step()
    with tempfile.TemporaryDirectory() as folder:
        save_run(Path(folder) / "run.pt", network, optimizer, epoch=1)
        other = nn.Linear(3, 2)
        epoch = resume_run(Path(folder) / "run.pt", other, torch.optim.Adam(other.parameters()))
    print(f"resumed at epoch {epoch}; same weights: {torch.equal(other.weight, network.weight)}")
