"""Exercise 3: the gradient norm of each Linear layer's weights after one backward pass."""

from __future__ import annotations

import torch
from torch import nn


def layer_gradient_norms(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> list[float]:
    """Clear the old gradients, backpropagate the mean binary cross-entropy of
    model(x) against y, and return the L2 norm of each nn.Linear layer's weight gradient,
    in the order model.modules() visits the layers (input side first), as floats."""
    model.zero_grad()  # backward adds to .grad: without this a second call sees the sum
    nn.BCEWithLogitsLoss()(model(x), y).backward()
    norms: list[float] = []
    for layer in model.modules():
        if isinstance(layer, nn.Linear):  # narrows Module to Linear, so .weight is a Tensor
            gradient = layer.weight.grad
            if gradient is None:  # typed Tensor | None: a layer forward never used
                raise ValueError("a Linear layer received no gradient")
            norms.append(torch.linalg.vector_norm(gradient).item())
    return norms
