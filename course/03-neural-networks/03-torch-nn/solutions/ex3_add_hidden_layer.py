"""Exercise 3: one and two hidden layers on two half-moons, trained with Adam through fit."""

from __future__ import annotations

import torch
from sklearn.datasets import make_moons
from torch import nn

from rlcourse.networks import mlp
from rlcourse.training import fit


def moons(n: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Given: n points of two noisy half-moons, x (n, 2) float32 and labels y (n, 1) of 0.0
    or 1.0."""
    points, labels = make_moons(n_samples=n, noise=0.2, random_state=seed)
    return torch.tensor(points, dtype=torch.float32), torch.tensor(labels, dtype=torch.float32)[
        :, None
    ]


def train_network(
    x: torch.Tensor, y: torch.Tensor, hidden_sizes: list[int], lr: float, epochs: int, seed: int
) -> tuple[nn.Module, list[float]]:
    """Seed torch with ``seed``, build mlp(2, hidden_sizes, 1) with tanh activations, and
    train it with Adam (step size ``lr``) on the mean binary cross-entropy of its logits
    (nn.BCEWithLogitsLoss), full batch, for ``epochs`` epochs through the library's fit.
    Returns the model and fit's losses."""
    torch.manual_seed(seed)  # mlp draws its initial weights from torch's global generator
    model = mlp(2, hidden_sizes, 1, nn.Tanh)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    losses = fit(model, nn.BCEWithLogitsLoss(), optimizer, x, y, epochs)
    return model, losses


def accuracy(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    """The fraction of points (a float in [0, 1]) whose predicted label, 1 where the logit
    is positive and 0 elsewhere, equals y."""
    with torch.no_grad():
        predicted = (model(x) > 0).float()  # a logit of 0 is a probability of 1/2
    return (predicted == y).float().mean().item()
