"""Exercise 3: Apply L2 regularization and observe effect.

Demo 3 wrote the penalty inside ``fitting.train``; write it as two reusable pieces: the penalty
of any model, and a loss function that ``rlcourse.training.fit`` can use. Fill in both, then
run `rlcourse check 3.6`.
"""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch import nn


def l2_penalty(model: nn.Module) -> torch.Tensor:
    """The sum of the squares of every weight of ``model`` (every parameter whose name ends in
    "weight"), biases left out: a scalar tensor that autograd can differentiate."""
    raise NotImplementedError("named_parameters(), the weights only, sum of squares")


def regularised_loss(
    model: nn.Module, penalty: float
) -> Callable[[torch.Tensor, torch.Tensor], torch.Tensor]:
    """A loss function for ``fit``: (logits, targets) -> mean binary cross-entropy
    + penalty * l2_penalty(model)."""
    raise NotImplementedError("define loss_fn(logits, targets) inside, and return it")
