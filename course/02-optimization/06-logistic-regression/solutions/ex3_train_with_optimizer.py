"""Exercise 3: Train with PyTorch's optimizer and compare results.

Train Exercise 2's model for d features with nn.Linear, nn.BCEWithLogitsLoss and
torch.optim.SGD through the course's loop, rlcourse.training.fit, then measure how far
it lands from the weights found by hand. Then run `rlcourse check 2.6`.
"""

from __future__ import annotations

import torch
from torch import nn

from rlcourse.training import fit


def train_with_optimizer(
    x: torch.Tensor, y: torch.Tensor, lr: float, epochs: int
) -> tuple[nn.Linear, list[float]]:
    """nn.Linear(d, 1) for x (n, d), started at weight = 0 and bias = 0, trained on labels
    y (n,) by fit with full-batch SGD of step size lr and BCEWithLogitsLoss. Returns the
    model and fit's losses (one per epoch)."""
    model = nn.Linear(x.shape[1], 1)
    nn.init.zeros_(model.weight)
    nn.init.zeros_(model.bias)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    targets = y.unsqueeze(1)  # (n, 1): the shape of the model's logits
    losses = fit(model, nn.BCEWithLogitsLoss(), optimizer, x, targets, epochs)
    return model, losses


def largest_difference(model: nn.Linear, w: torch.Tensor, b: torch.Tensor) -> float:
    """The largest |difference| between the model's (weights, bias) and (w, b), w of shape
    (d,) and b of shape ()."""
    weights = model.weight.detach()[0]  # (1, d) -> (d,)
    bias = model.bias.detach()[0]
    return max((weights - w).abs().max().item(), (bias - b).abs().item())
