"""The activation functions of Part 3.4, as the modules mlp builds layers with, and their
derivatives written from the formulas of the Mathematics section."""

from __future__ import annotations

import math
from collections.abc import Callable

import torch
from sklearn.datasets import make_moons
from torch import nn

LEAKY_SLOPE = 0.01  # nn.LeakyReLU's default slope for negative inputs

# The classes mlp takes as ``activation``: it calls each once per hidden layer.
ACTIVATIONS: dict[str, Callable[[], nn.Module]] = {
    "sigmoid": nn.Sigmoid,
    "tanh": nn.Tanh,
    "ReLU": nn.ReLU,
    "LeakyReLU": nn.LeakyReLU,
    "GELU": nn.GELU,
}


# --8<-- [start:derivatives]
def sigmoid_derivative(a: torch.Tensor) -> torch.Tensor:
    s = torch.sigmoid(a)
    return s * (1 - s)  # sigma'(a) = sigma(a) (1 - sigma(a)), at most 1/4


def tanh_derivative(a: torch.Tensor) -> torch.Tensor:
    return 1 - torch.tanh(a) ** 2  # at most 1, at a = 0


def relu_derivative(a: torch.Tensor) -> torch.Tensor:
    return (a > 0).to(a.dtype)  # 1 where a > 0, else 0 (PyTorch's choice at a = 0)


def leaky_relu_derivative(a: torch.Tensor) -> torch.Tensor:
    return torch.where(a > 0, torch.ones_like(a), torch.full_like(a, LEAKY_SLOPE))


def gelu_derivative(a: torch.Tensor) -> torch.Tensor:
    cdf = 0.5 * (1 + torch.erf(a / math.sqrt(2)))  # Phi(a), the normal distribution function
    pdf = torch.exp(-(a**2) / 2) / math.sqrt(2 * math.pi)  # its density phi(a)
    return cdf + a * pdf  # the product rule on a Phi(a)


# --8<-- [end:derivatives]

DERIVATIVES: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
    "sigmoid": sigmoid_derivative,
    "tanh": tanh_derivative,
    "ReLU": relu_derivative,
    "LeakyReLU": leaky_relu_derivative,
    "GELU": gelu_derivative,
}


def moons(n: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The task every demo shares: n points of two noisy interleaved half-moons
    (scikit-learn's make_moons), x (n, 2) float32 and labels y (n, 1) of 0.0 or 1.0."""
    points, labels = make_moons(n_samples=n, noise=0.2, random_state=seed)
    x = torch.tensor(points, dtype=torch.float32)
    return x, torch.tensor(labels, dtype=torch.float32)[:, None]
