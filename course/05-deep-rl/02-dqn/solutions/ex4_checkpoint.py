"""Exercise 4: save a trained Q-network and load it back, with nothing else to go on.

A state_dict holds tensors only, not the architecture they belong to. Save the
architecture too, as JSON next to the weights (``q.pt`` -> ``q.json``), so that
``load_checkpoint(path)`` can rebuild the network from the path alone.

Fill in the three functions, then run this file and `rlcourse check 5.2`.
"""

from __future__ import annotations

import json
from pathlib import Path

import torch
from torch import nn

from rlcourse.agents.dqn import QNetwork


def architecture_of(network: QNetwork) -> dict[str, int | list[int]]:
    """{"observation_size": ..., "hidden_sizes": [...], "action_count": ...}, read from the
    network's Linear layers (``network.layers`` is an nn.Sequential)."""
    linears = [layer for layer in network.layers if isinstance(layer, nn.Linear)]
    return {
        "observation_size": linears[0].in_features,
        "hidden_sizes": [layer.out_features for layer in linears[:-1]],
        "action_count": linears[-1].out_features,
    }


def save_checkpoint(network: QNetwork, path: Path) -> None:
    """Save the weights to ``path`` and the architecture to ``path.with_suffix(".json")``,
    creating missing parent folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(network.state_dict(), path)
    path.with_suffix(".json").write_text(json.dumps(architecture_of(network)))


def load_checkpoint(path: Path) -> QNetwork:
    """Rebuild the network from the JSON file, then load the weights safely
    (``torch.load(..., weights_only=True)``)."""
    architecture = json.loads(path.with_suffix(".json").read_text())
    network = QNetwork(
        architecture["observation_size"],
        architecture["action_count"],
        tuple(architecture["hidden_sizes"]),
    )
    network.load_state_dict(torch.load(path, weights_only=True))
    return network


if __name__ == "__main__":
    original = QNetwork(4, 2, (64, 32))
    save_checkpoint(original, Path("checkpoints/q.pt"))
    restored = load_checkpoint(Path("checkpoints/q.pt"))
    states = torch.randn(3, 4)
    print("architecture:", architecture_of(restored))
    print("same Q-values:", torch.equal(original(states), restored(states)))
