"""Exercise 4: save a trained Q-network and load it back, with nothing else to go on.

A state_dict holds tensors only, not the architecture they belong to. Save the
architecture too, as JSON next to the weights (``q.pt`` -> ``q.json``), so that
``load_checkpoint(path)`` can rebuild the network from the path alone.

Fill in the three functions, then run this file and `rlcourse check 5.2`.
"""

from __future__ import annotations

from pathlib import Path

import torch

from rlcourse.agents.dqn import QNetwork


def architecture_of(network: QNetwork) -> dict[str, int | list[int]]:
    """{"observation_size": ..., "hidden_sizes": [...], "action_count": ...}, read from the
    network's Linear layers (``network.layers`` is an nn.Sequential)."""
    # TODO: the first Linear layer knows the observation size, the last one the actions
    raise NotImplementedError("architecture_of")


def save_checkpoint(network: QNetwork, path: Path) -> None:
    """Save the weights to ``path`` and the architecture to ``path.with_suffix(".json")``,
    creating missing parent folders."""
    raise NotImplementedError("save_checkpoint")


def load_checkpoint(path: Path) -> QNetwork:
    """Rebuild the network from the JSON file, then load the weights safely
    (``torch.load(..., weights_only=True)``)."""
    raise NotImplementedError("load_checkpoint")


if __name__ == "__main__":
    original = QNetwork(4, 2, (64, 32))
    save_checkpoint(original, Path("checkpoints/q.pt"))
    restored = load_checkpoint(Path("checkpoints/q.pt"))
    states = torch.randn(3, 4)
    print("architecture:", architecture_of(restored))
    print("same Q-values:", torch.equal(original(states), restored(states)))
