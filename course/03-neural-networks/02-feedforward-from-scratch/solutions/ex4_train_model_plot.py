"""Exercise 4: train the tanh network with autograd's gradients and plot the loss."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
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
    for p in params.values():
        p.requires_grad_(True)
    losses: list[float] = []
    for _ in range(epochs):
        loss = bce_loss(forward(params, x), y)
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():  # the step itself is not part of the graph
            for p in params.values():
                if p.grad is None:  # .grad is typed Tensor | None
                    raise RuntimeError("a parameter got no gradient")
                p -= lr * p.grad
                p.grad = None  # otherwise the next backward adds to this gradient
    return losses


def plot_loss(losses: list[float], path: Path) -> None:
    """The loss against the epoch (1, 2, ...), with a title and labelled axes, saved at path."""
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(range(1, len(losses) + 1), losses)
    ax.set(xlabel="epoch", ylabel="mean cross-entropy loss", title="Training loss")
    fig.savefig(path)
    plt.close(fig)
