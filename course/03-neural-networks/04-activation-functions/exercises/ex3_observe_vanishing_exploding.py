"""Exercise 3: Observe vanishing/exploding gradients by visualizing gradients.

Demo 3 reads the gradient norms with the library's gradient_norms. Write your own reader,
one norm per Linear layer. Fill in ``layer_gradient_norms``, then run `rlcourse check 3.4`.
"""

from __future__ import annotations

import torch
from torch import nn


def layer_gradient_norms(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> list[float]:
    """Clear the old gradients, backpropagate the mean binary cross-entropy of
    model(x) against y, and return the L2 norm of each nn.Linear layer's weight gradient,
    in the order model.modules() visits the layers (input side first), as floats."""
    raise NotImplementedError("zero_grad, backward, then isinstance(layer, nn.Linear) and .grad")
