"""Exercise 4: Explain and fix a common shape-mismatch error in matmul.

``batch_values`` below raises the error Demo 4 printed: run it (or `rlcourse check 1.6`),
read PyTorch's message, explain to yourself which sizes it names, and fix the code.
"""

from __future__ import annotations

import torch


def batch_values(observations: list[torch.Tensor], weights: torch.Tensor) -> torch.Tensor:
    """The value w · x of each observation, as one matrix-vector product.

    observations: n tensors of shape (d,); weights: shape (d,). Returns shape (n,),
    entry i = observations[i] · weights.
    """
    batch = torch.stack(observations, dim=1)
    return batch @ weights
