"""The mini-project of Part 2.8: two interleaved half-moons, a held-out split, and the
pieces every demo shares (training through fit, accuracy, the probability over a grid)."""

from __future__ import annotations

import torch
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap
from sklearn.datasets import make_moons
from torch import nn

from rlcourse.networks import mlp
from rlcourse.training import fit

NOISE = 0.2  # the standard deviation of the noise added to each point
TIPS = ((0.0, 0.5), (1.0, 0.0))  # the inner end of each moon, under the other one's arch
GRID = 200  # grid points along each axis of a boundary plot
SHADES = LinearSegmentedColormap.from_list("class 0 to 1", ["C0", "white", "C1"])


# --8<-- [start:data]
def make_data(
    n: int, noise: float, test_fraction: float, seed: int
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """n points of two half-moons (labels 0 and 1, int64), split at random into a training
    set and a held-out test set of round(test_fraction n) points: x_train, y_train,
    x_test, y_test. The seed decides both the points and the split."""
    points, labels = make_moons(n_samples=n, noise=noise, random_state=seed)
    x = torch.tensor(points, dtype=torch.float32)  # (n, 2)
    y = torch.tensor(labels, dtype=torch.int64)  # (n,)
    order = torch.randperm(n, generator=torch.Generator().manual_seed(seed))
    n_test = round(test_fraction * n)
    test, train = order[:n_test], order[n_test:]  # disjoint: no test point is trained on
    return x[train], y[train], x[test], y[test]


# --8<-- [end:data]


# --8<-- [start:train]
def train_classifier(
    x: torch.Tensor,
    y: torch.Tensor,
    hidden_sizes: tuple[int, ...],
    lr: float,
    epochs: int,
    seed: int,
) -> tuple[nn.Sequential, list[float]]:
    """A network with two logits (one per class) trained by fit with Adam on the
    cross-entropy of Part 2.7. hidden_sizes=() is one nn.Linear: logistic regression."""
    torch.manual_seed(seed)  # the initial weights
    model = mlp(x.shape[1], hidden_sizes, 2, activation=nn.Tanh)  # (n, 2) -> (n, 2)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    losses = fit(model, nn.CrossEntropyLoss(), optimizer, x, y, epochs)
    return model, losses


# --8<-- [end:train]


def accuracy(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    """The share of rows whose larger logit is at their label."""
    with torch.no_grad():
        return (model(x).argmax(dim=1) == y).float().mean().item()


# --8<-- [start:grid]
def probability_grid(
    model: nn.Module, x1: torch.Tensor, x2: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The model's probability of class 1 at every point of the grid x1 (a,) by x2 (b,):
    the meshgrids and the probabilities, each of shape (b, a), row i at height x2[i]."""
    grid_x1, grid_x2 = torch.meshgrid(x1, x2, indexing="xy")
    points = torch.stack([grid_x1.flatten(), grid_x2.flatten()], dim=1)  # (a b, 2)
    with torch.no_grad():
        p1 = torch.softmax(model(points), dim=1)[:, 1]  # column 1: class 1
    return grid_x1, grid_x2, p1.reshape(grid_x1.shape)


# --8<-- [end:grid]


def draw_points(ax: Axes, x: torch.Tensor, y: torch.Tensor, marker: str, what: str) -> None:
    """The points in the colour of their class (C0, C1), labelled for the legend."""
    for label in (0, 1):
        rows = y == label
        ax.scatter(
            x[rows, 0], x[rows, 1], s=14, c=f"C{label}", marker=marker, label=f"{what}class {label}"
        )


def draw_boundary(ax: Axes, model: nn.Module, x: torch.Tensor, title: str) -> None:
    """The probability of class 1 as shades from blue (0) to orange (1) over the points'
    range, the decision boundary p = 0.5 as a black line, equal aspect and labels."""
    low, high = x.min(dim=0).values - 0.5, x.max(dim=0).values + 0.5
    x1, x2 = torch.linspace(low[0], high[0], GRID), torch.linspace(low[1], high[1], GRID)
    grid_x1, grid_x2, p1 = probability_grid(model, x1, x2)
    ax.contourf(
        grid_x1, grid_x2, p1, levels=torch.linspace(0, 1, 11).tolist(), cmap=SHADES, alpha=0.35
    )
    ax.contour(grid_x1, grid_x2, p1, levels=[0.5], colors="black", linewidths=1.5)
    ax.plot([], [], color="black", label="boundary: p = 0.5")  # the contour's legend entry
    ax.set_aspect("equal")
    ax.set_xlabel("feature $x_1$")
    ax.set_ylabel("feature $x_2$")
    ax.set_title(title)
