"""The running example of Part 3.6: noisy half-moons, a small MLP classifier trained through
rlcourse.training.fit, and its loss and accuracy on training points and on fresh test points."""

from __future__ import annotations

from dataclasses import dataclass

import torch
from sklearn.datasets import make_moons
from torch import nn

from rlcourse.networks import mlp
from rlcourse.stats import mean_and_standard_error
from rlcourse.training import fit


def moons(n: int, noise: float, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """n points of two interleaved half-moons with Gaussian noise of standard deviation
    ``noise`` on each coordinate: x (n, 2), labels y (n, 1) of 0.0 or 1.0."""
    x, y = make_moons(n, noise=noise, random_state=seed)
    return torch.tensor(x, dtype=torch.float32), torch.tensor(y, dtype=torch.float32)[:, None]


@dataclass(frozen=True)
class Scores:
    train_loss: float  # mean binary cross-entropy on the training points
    test_loss: float  # ... on the test points
    train_accuracy: float
    test_accuracy: float


def scores(model: nn.Module, data: tuple[torch.Tensor, ...]) -> Scores:
    """Loss and accuracy (a logit above 0 predicts 1) on the training and the test points."""
    x, y, x_test, y_test = data
    with torch.no_grad():
        logits, test_logits = model(x), model(x_test)
    bce = nn.functional.binary_cross_entropy_with_logits
    return Scores(
        train_loss=bce(logits, y).item(),
        test_loss=bce(test_logits, y_test).item(),
        train_accuracy=((logits > 0).float() == y).float().mean().item(),
        test_accuracy=((test_logits > 0).float() == y_test).float().mean().item(),
    )


# --8<-- [start:train]
def train(
    data: tuple[torch.Tensor, ...],
    hidden: list[int],
    epochs: int,
    lr: float,
    seed: int,
    penalty: float = 0.0,
) -> tuple[nn.Module, list[float], list[float]]:
    """Full-batch Adam on the training points for ``epochs`` steps. With ``penalty`` = lambda
    the loss is BCE + lambda * (sum of the squared weights), biases left out. Returns the
    model, the training loss of each epoch (penalty included) and the test loss after it."""
    x, y, x_test, y_test = data
    torch.manual_seed(seed)
    model = mlp(2, hidden, 1)
    weights = [p for name, p in model.named_parameters() if name.endswith("weight")]
    bce = nn.BCEWithLogitsLoss()

    def loss_fn(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
        return bce(logits, targets) + penalty * torch.stack([(w**2).sum() for w in weights]).sum()

    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    train_losses: list[float] = []
    test_losses: list[float] = []
    for _ in range(epochs):
        train_losses += fit(model, loss_fn, optimizer, x, y, epochs=1)
        with torch.no_grad():
            test_losses.append(bce(model(x_test), y_test).item())
    return model, train_losses, test_losses


# --8<-- [end:train]


def squared_weights(model: nn.Module) -> float:
    """The sum of the squared weights, biases left out: what the L2 penalty measures."""
    named = model.named_parameters()
    return sum((p.detach() ** 2).sum().item() for n, p in named if n.endswith("weight"))


def fresh_points(points: int, noise: float) -> tuple[torch.Tensor, torch.Tensor]:
    """Fresh points from the same moons, drawn with a seed no training set uses."""
    return moons(points, noise, seed=10_000)


def summary(runs: list[Scores], field: str) -> tuple[float, float]:
    """Mean and standard error over seeds of one field of Scores ("test_loss", ...)."""
    return mean_and_standard_error([getattr(run, field) for run in runs])
