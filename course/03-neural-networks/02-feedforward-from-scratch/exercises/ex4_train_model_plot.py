"""Exercise 4: Train the model and plot loss over epochs.

Demo 4 trains with the hand-written gradients; train the same network with autograd's
(.backward()) and plot the loss. ``forward`` and ``bce_loss`` are given. Fill in
``train_autograd`` and ``plot_loss``, then run `rlcourse check 3.2`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (you will need it)
import torch


def forward(params: dict[str, torch.Tensor], x: torch.Tensor) -> torch.Tensor:
    """Given: the logits tanh(x W1 + b1) W2 + b2 (B, 1)."""
    return torch.tanh(x @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"]


def bce_loss(z: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Given: the mean binary cross-entropy of logits z for labels y."""
    return (torch.logaddexp(torch.zeros_like(z), z) - y * z).mean()


def train_autograd(
    params: dict[str, torch.Tensor], x: torch.Tensor, y: torch.Tensor, lr: float, epochs: int
) -> list[float]:
    """Full-batch gradient descent for ``epochs`` steps, the gradients from autograd
    (.backward()). Changes params in place; returns the loss before each step, as floats."""
    raise NotImplementedError("requires_grad_, then loss.backward() and a no_grad step")


def plot_loss(losses: list[float], path: Path) -> None:
    """The loss against the epoch (1, 2, ...), with a title and labelled axes, saved at path."""
    raise NotImplementedError("ax.plot, ax.set(xlabel=..., ylabel=..., title=...), savefig")
