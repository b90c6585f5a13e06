"""Exercise 3: Add a hidden layer and train on data.

Demo 3 adds a layer on the circle with SGD; here the data are two interleaved half-moons
and the optimizer is Adam. Fill in ``train_network`` and ``accuracy``, then run
`rlcourse check 3.3`.
"""

from __future__ import annotations

import torch
from sklearn.datasets import make_moons
from torch import nn

from rlcourse.networks import mlp  # noqa: F401 (you will need it)
from rlcourse.training import fit  # noqa: F401 (you will need it)


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
    raise NotImplementedError("torch.manual_seed, mlp, torch.optim.Adam, fit")


def accuracy(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    """The fraction of points (a float in [0, 1]) whose predicted label, 1 where the logit
    is positive and 0 elsewhere, equals y."""
    raise NotImplementedError("compare the logits with the right threshold")
