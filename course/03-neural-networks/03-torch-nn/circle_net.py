"""Part 3.2's two-layer network rewritten as an ``nn.Module``, with its circle data and
its training call: the listing Demo 2 of Part 3.3 counts against Part 3.2's network.py."""

from __future__ import annotations

import torch
from torch import nn

from rlcourse.training import fit


def circle_data(n: int, generator: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Part 3.2's data: n points in the square [-2, 2]^2, label 1.0 inside the circle of
    radius 1.2 and 0.0 outside. Returns x (n, 2) and y (n, 1)."""
    x = torch.rand(n, 2, generator=generator) * 4 - 2
    y = (torch.linalg.vector_norm(x, dim=1, keepdim=True) < 1.2).float()
    return x, y


# --8<-- [start:module]
class TwoLayerNet(nn.Module):
    """x (B, 2) -> h = tanh(x W1^T + b1) (B, H) -> logits z = h W2^T + b2 (B, 1)."""

    def __init__(self, hidden: int) -> None:
        super().__init__()  # sets up the registry of parameters and submodules
        self.hidden = nn.Linear(2, hidden)  # weight W1 (H, 2), bias b1 (H,)
        self.output = nn.Linear(hidden, 1)  # weight W2 (1, H), bias b2 (1,)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.output(torch.tanh(self.hidden(x)))


# --8<-- [end:module]


# --8<-- [start:train]
def train(
    model: nn.Module, x: torch.Tensor, y: torch.Tensor, lr: float, epochs: int
) -> list[float]:
    """Full-batch gradient descent on the mean binary cross-entropy, as in Part 3.2;
    autograd finds the gradients and the library's fit runs the loop."""
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    return fit(model, nn.BCEWithLogitsLoss(), optimizer, x, y, epochs)


# --8<-- [end:train]


def accuracy(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    """The fraction of points whose logit has the label's sign (z > 0 means label 1)."""
    with torch.no_grad():
        return ((model(x) > 0).float() == y).float().mean().item()
