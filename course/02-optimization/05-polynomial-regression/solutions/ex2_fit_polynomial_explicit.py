"""Exercise 2: Fit a polynomial using explicit feature construction in PyTorch.

A polynomial in x is a linear model in the features x, x^2, ..., x^d. Write
``poly_features``, which builds those columns; ``fit_polynomial`` (given) scales them and
trains nn.Linear on them with the library's loop. Then run `rlcourse check 2.5`.
"""

from __future__ import annotations

import torch
from torch import nn

from rlcourse.training import fit


def poly_features(x: torch.Tensor, degree: int) -> torch.Tensor:
    """x of shape (n, 1) -> features of shape (n, degree) whose column j (from 0) is
    x ** (j + 1): the columns x, x^2, ..., x^degree. No column of ones: nn.Linear's bias
    plays that part."""
    columns = [x**k for k in range(1, degree + 1)]  # each (n, 1)
    return torch.cat(columns, dim=1)  # side by side: (n, degree)


def fit_polynomial(
    x: torch.Tensor, y: torch.Tensor, degree: int, epochs: int, lr: float
) -> tuple[nn.Linear, torch.Tensor, torch.Tensor]:
    """Train nn.Linear(degree, 1) on the standardized features by full-batch gradient
    descent on the MSE. Returns the model and the features' mean and std (shape
    (degree,) each), which new inputs must be scaled with."""
    features = poly_features(x, degree)
    mean, std = features.mean(dim=0), features.std(dim=0)
    torch.manual_seed(0)
    model = nn.Linear(degree, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    fit(model, nn.MSELoss(), optimizer, (features - mean) / std, y, epochs)
    return model, mean, std
