"""The two-layer network of Part 3.2, written with tensors and matrix products only:
its data, parameters, forward pass, loss, gradients by hand and training loop."""

from __future__ import annotations

import math

import torch

Params = dict[str, torch.Tensor]  # "W1" (2, H), "b1" (H,), "W2" (H, 1), "b2" (1,)


def ring_data(n: int, generator: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """n points in the square [-2, 2]^2, label 1.0 inside the circle of radius 1.2 and
    0.0 outside: no line separates them. Returns x (n, 2) and y (n, 1)."""
    x = torch.rand(n, 2, generator=generator) * 4 - 2
    y = (torch.linalg.vector_norm(x, dim=1, keepdim=True) < 1.2).float()
    return x, y


def init_params(hidden: int, generator: torch.Generator) -> Params:
    """Weights drawn uniformly in +-1/sqrt(fan_in) (PyTorch's default for nn.Linear),
    biases 0."""
    w1_scale, w2_scale = 1 / math.sqrt(2), 1 / math.sqrt(hidden)
    return {
        "W1": (torch.rand(2, hidden, generator=generator) * 2 - 1) * w1_scale,
        "b1": torch.zeros(hidden),
        "W2": (torch.rand(hidden, 1, generator=generator) * 2 - 1) * w2_scale,
        "b2": torch.zeros(1),
    }


# --8<-- [start:forward]
def forward(params: Params, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """x (B, 2) -> hidden h = tanh(x W1 + b1) (B, H) -> logits z = h W2 + b2 (B, 1).
    Returns (z, h): the backward pass needs h."""
    h = torch.tanh(x @ params["W1"] + params["b1"])
    z = h @ params["W2"] + params["b2"]
    return z, h


def bce_loss(z: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Mean binary cross-entropy of logits z (B, 1) for labels y (B, 1) of 0.0 or 1.0:
    -[y log p + (1 - y) log(1 - p)] with p = sigmoid(z), which equals
    log(1 + e^z) - y z, computed as logaddexp(0, z) so that no exp overflows."""
    return (torch.logaddexp(torch.zeros_like(z), z) - y * z).mean()


# --8<-- [end:forward]


# --8<-- [start:backward]
def backward(params: Params, x: torch.Tensor, y: torch.Tensor) -> Params:
    """The gradient of bce_loss(forward(x)) with respect to every parameter, by the
    chain rule, one layer at a time from the loss back to the input."""
    z, h = forward(params, x)
    dz = (torch.sigmoid(z) - y) / len(x)  # dL/dz (B, 1): (p - y) / B
    da = (dz @ params["W2"].T) * (1 - h**2)  # dL/da (B, H): back through W2, then tanh'
    return {
        "W1": x.T @ da,  # (2, B) @ (B, H) -> (2, H)
        "b1": da.sum(dim=0),  # (H,): b1 was added to every row
        "W2": h.T @ dz,  # (H, B) @ (B, 1) -> (H, 1)
        "b2": dz.sum(dim=0),  # (1,)
    }


# --8<-- [end:backward]


def autograd_gradients(params: Params, x: torch.Tensor, y: torch.Tensor) -> Params:
    """The same gradients from PyTorch's autograd, on copies of the parameters."""
    leaves = {name: p.detach().clone().requires_grad_(True) for name, p in params.items()}
    bce_loss(forward(leaves, x)[0], y).backward()
    gradients: Params = {}
    for name, leaf in leaves.items():
        if leaf.grad is None:  # every parameter is used, but .grad is typed Tensor | None
            raise RuntimeError(f"autograd gave no gradient for {name}")
        gradients[name] = leaf.grad
    return gradients


# --8<-- [start:train]
def train(
    params: Params, x: torch.Tensor, y: torch.Tensor, lr: float, epochs: int
) -> tuple[Params, list[float]]:
    """Full-batch gradient descent with the hand-written gradients: p <- p - lr dL/dp.
    Returns the trained parameters and the loss before each step."""
    losses: list[float] = []
    for _ in range(epochs):
        losses.append(bce_loss(forward(params, x)[0], y).item())
        gradients = backward(params, x, y)
        params = {name: p - lr * gradients[name] for name, p in params.items()}
    return params, losses


# --8<-- [end:train]


def accuracy(params: Params, x: torch.Tensor, y: torch.Tensor) -> float:
    """The fraction of points whose logit has the label's sign (z > 0 means label 1)."""
    return ((forward(params, x)[0] > 0).float() == y).float().mean().item()
