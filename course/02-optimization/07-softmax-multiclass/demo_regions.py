"""Demo 4: the class regions of the trained model over the plane (the argmax of the three
logits on a grid), with the points on top, and its probabilities at a few places."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro
from torch import nn

from demo_train import train_classifier
from three_clouds import CENTRES, STD, make_clouds, softmax


@dataclass(frozen=True)
class Config:
    n_per_class: int = 100
    lr: float = 0.5  # Demo 3's training
    epochs: int = 500
    grid_size: int = 300  # grid points along each axis
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    probabilities_at_origin: list[float]
    largest_at_origin: float  # the most likely class's probability at (0, 0)
    probabilities_at_centres: list[list[float]]
    figure: str


# --8<-- [start:grid]
def class_grid(
    model: nn.Module, x1: torch.Tensor, x2: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The predicted class at every point of the grid x1 (a,) by x2 (b,): the meshgrids
    X1, X2 and the classes, each of shape (b, a), row i at height x2[i]."""
    grid_x1, grid_x2 = torch.meshgrid(x1, x2, indexing="xy")  # (b, a) each
    points = torch.stack([grid_x1.flatten(), grid_x2.flatten()], dim=1)  # (a b, 2)
    with torch.no_grad():
        classes = model(points).argmax(dim=1)  # the largest logit is the largest probability
    return grid_x1, grid_x2, classes.reshape(grid_x1.shape)


# --8<-- [end:grid]


# --8<-- [start:plot]
def plot_regions(model: nn.Module, x: torch.Tensor, y: torch.Tensor, grid: int, path: Path) -> None:
    """Each class's region in a light shade of its colour, and the points on top."""
    low, high = x.min(dim=0).values - 0.5, x.max(dim=0).values + 0.5
    x1, x2 = torch.linspace(low[0], high[0], grid), torch.linspace(low[1], high[1], grid)
    grid_x1, grid_x2, classes = class_grid(model, x1, x2)
    k = len(CENTRES)
    colours = [f"C{label}" for label in range(k)]
    fig, ax = plt.subplots(figsize=(5.5, 5), dpi=100)
    levels = [label - 0.5 for label in range(k + 1)]  # one band per class index
    ax.contourf(grid_x1, grid_x2, classes, levels=levels, colors=colours, alpha=0.2)
    for label in range(k):
        rows = y == label
        ax.scatter(x[rows, 0], x[rows, 1], s=12, c=colours[label], label=f"class {label}")
    ax.set_aspect("equal")
    ax.set_xlabel("feature $x_1$")
    ax.set_ylabel("feature $x_2$")
    ax.set_title("Softmax regression's class regions")
    ax.legend(title="shaded: predicted class", loc="upper left")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


# --8<-- [end:plot]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x, y = make_clouds(cfg.n_per_class, CENTRES, STD, cfg.seed)
    model, _ = train_classifier(x, y, nn.CrossEntropyLoss(), cfg.lr, cfg.epochs)
    places = torch.tensor([(0.0, 0.0), *CENTRES])  # the origin, then the three centres
    with torch.no_grad():
        probabilities = softmax(model(places))
    for (a, b), p in zip(places.tolist(), probabilities.tolist(), strict=True):
        print(f"at ({a:5.2f}, {b:5.2f}): probabilities {', '.join(f'{v:.3f}' for v in p)}")
    figure = cfg.out_dir / "regions.png"
    plot_regions(model, x, y, cfg.grid_size, figure)
    return Result(
        probabilities_at_origin=probabilities[0].tolist(),
        largest_at_origin=probabilities[0].max().item(),
        probabilities_at_centres=probabilities[1:].tolist(),
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
