"""Exercise 4: Visualize overfitting by increasing the polynomial degree.

Demo 4 drew the training and test error against the degree. Write ``error_by_degree``,
which computes those two curves with the given helpers, then ``plot_errors`` draws them.
Then run `rlcourse check 2.5`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import torch


def features(x: torch.Tensor, degree: int) -> torch.Tensor:
    """(n, 1) -> (n, degree): the columns x, x^2, ..., x^degree."""
    return x ** torch.arange(1, degree + 1, dtype=x.dtype)


def least_squares(train: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The MSE-minimising weights (d + 1, 1) for [1, features], in float64."""
    design = torch.cat([torch.ones(len(train), 1, dtype=torch.float64), train.double()], 1)
    return torch.linalg.lstsq(design, y.double()).solution


def mse(theta: torch.Tensor, inputs: torch.Tensor, y: torch.Tensor) -> float:
    """The mean squared error of the weights theta (from least_squares) on inputs and y."""
    design = torch.cat([torch.ones(len(inputs), 1, dtype=torch.float64), inputs.double()], 1)
    return ((design @ theta - y.double()) ** 2).mean().item()


def error_by_degree(
    x: torch.Tensor, y: torch.Tensor, x_test: torch.Tensor, y_test: torch.Tensor, max_degree: int
) -> list[tuple[float, float]]:
    """For every degree 1, 2, ..., max_degree: fit least squares on the training features
    (x, y) and return (training MSE, test MSE on x_test, y_test), in order of degree.
    Scale each degree's features with the training columns' mean and std."""
    errors = []
    for degree in range(1, max_degree + 1):
        train, test = features(x, degree), features(x_test, degree)
        mean, std = train.mean(dim=0), train.std(dim=0)  # training statistics only
        train, test = (train - mean) / std, (test - mean) / std
        theta = least_squares(train, y)
        errors.append((mse(theta, train, y), mse(theta, test, y_test)))
    return errors


def plot_errors(errors: list[tuple[float, float]], path: Path) -> None:
    degrees = range(1, len(errors) + 1)
    fig, ax = plt.subplots()
    ax.plot(degrees, [train for train, _ in errors], "o-", label="train MSE")
    ax.plot(degrees, [test for _, test in errors], "s-", label="test MSE")
    ax.set_yscale("log")
    ax.set_xlabel("polynomial degree")
    ax.set_ylabel("mean squared error")
    ax.set_title("Training and test error against degree")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)
