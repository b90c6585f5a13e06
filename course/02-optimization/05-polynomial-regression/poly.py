"""The running example of Part 2.5: noisy points around a cubic, the polynomial features
a linear model needs to fit it, feature scaling, and the two ways to fit (gradient descent
through the library's loop, and the closed form)."""

from __future__ import annotations

import torch
from torch import nn

from rlcourse.training import fit

COEFFICIENTS = (1.0, -2.0, 0.0, 1.0)  # the true curve y = 1 - 2x + 0x^2 + x^3
NOISE_STD = 0.5


# --8<-- [start:make]
def make_poly_data(
    n: int, coefficients: tuple[float, ...], noise_std: float, seed: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """n points with x uniform on [-2, 2) and y = sum_k c_k x^k + noise: shapes (n, 1)."""
    generator = torch.Generator().manual_seed(seed)
    x = 4 * torch.rand(n, 1, generator=generator) - 2
    y = sum(c * x**k for k, c in enumerate(coefficients))  # c_0 + c_1 x + c_2 x^2 + ...
    return x, y + noise_std * torch.randn(n, 1, generator=generator)


# --8<-- [end:make]


# --8<-- [start:features]
def poly_features(x: torch.Tensor, degree: int) -> torch.Tensor:
    """(n, 1) -> (n, degree): the columns x, x^2, ..., x^degree (nn.Linear adds the 1)."""
    powers = torch.arange(1, degree + 1, dtype=x.dtype)  # (degree,)
    return x**powers  # (n, 1) ** (degree,) broadcasts to (n, degree)


def standardize(train: torch.Tensor, test: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Scale every column to mean 0 and std 1 with the *training* columns' statistics."""
    mean, std = train.mean(dim=0), train.std(dim=0)  # (d,), (d,): one per feature
    return (train - mean) / std, (test - mean) / std


# --8<-- [end:features]


# --8<-- [start:train]
def train_polynomial(
    features: torch.Tensor, y: torch.Tensor, epochs: int, lr: float
) -> tuple[nn.Linear, list[float]]:
    """A linear model on the features, trained on the MSE by full-batch gradient descent."""
    torch.manual_seed(0)  # nn.Linear's initial weights
    model = nn.Linear(features.shape[1], 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    losses = fit(model, nn.MSELoss(), optimizer, features, y, epochs)
    return model, losses


# --8<-- [end:train]


def closed_form_mse(
    train: torch.Tensor, y_train: torch.Tensor, test: torch.Tensor, y_test: torch.Tensor
) -> tuple[float, float]:
    """Train and test MSE of the least-squares fit (float64 lstsq with a column of ones)."""
    ones = torch.ones(len(train), 1, dtype=torch.float64)
    design = torch.cat([ones, train.double()], dim=1)
    theta = torch.linalg.lstsq(design, y_train.double()).solution  # (d + 1, 1)
    test_design = torch.cat([torch.ones(len(test), 1, dtype=torch.float64), test.double()], 1)
    train_mse = ((design @ theta - y_train.double()) ** 2).mean().item()
    test_mse = ((test_design @ theta - y_test.double()) ** 2).mean().item()
    return train_mse, test_mse
