"""Exercise 4: one training step in mixed precision. The forward pass and the loss run
under torch.autocast; the weights, their gradients and the optimizer stay float32.

Fill in ``mixed_precision_step``, run `rlcourse check 6.6`, then run this file.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F  # noqa: F401
from torch import nn


def mixed_precision_step(
    network: nn.Module,
    optimizer: torch.optim.Optimizer,
    inputs: torch.Tensor,
    labels: torch.Tensor,
    dtype: torch.dtype,
) -> float:
    """One step of Adam on the cross-entropy of ``network(inputs)`` against ``labels``,
    with the forward pass and the loss under ``torch.autocast`` to ``dtype`` on the
    device the inputs live on; backward and the optimizer step outside it. Return the
    loss as a float."""
    # TODO: the forward pass and the loss inside a torch.autocast block; then the usual three
    raise NotImplementedError("mixed_precision_step")


if __name__ == "__main__":
    torch.manual_seed(0)
    network = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 10))
    optimizer = torch.optim.Adam(network.parameters(), lr=1e-3)
    inputs, labels = torch.randn(128, 64), torch.randint(0, 10, (128,))
    for step in range(3):
        loss = mixed_precision_step(network, optimizer, inputs, labels, torch.bfloat16)
        print(f"step {step}: loss {loss:.4f}; weights still {network[0].weight.dtype}")
