"""Demo 4: the decision boundary w . x + b = 0 over the points, and the accuracy on the
training points and on fresh points from the same clouds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro

from clouds import CENTRE, STD, make_clouds
from demo_optimizer import train_classifier


@dataclass(frozen=True)
class Config:
    n_per_class: int = 100
    lr: float = 0.5
    epochs: int = 500
    seed: int = 0
    fresh_seed: int = 1  # other points from the same clouds
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    train_accuracy: float
    fresh_accuracy: float
    figure: str


# --8<-- [start:accuracy]
def accuracy(logits: torch.Tensor, y: torch.Tensor) -> float:
    """The share of points on the right side: predict 1 where z > 0, that is p > 0.5."""
    return ((logits > 0).float() == y).float().mean().item()


# --8<-- [end:accuracy]


# --8<-- [start:plot]
def plot_boundary(w: torch.Tensor, b: float, x: torch.Tensor, y: torch.Tensor, path: Path) -> None:
    """The points by class and the line w1 x1 + w2 x2 + b = 0, solved for x2 (w2 != 0)."""
    fig, ax = plt.subplots(figsize=(5.5, 5), dpi=100)
    for label in (0, 1):
        rows = y == label
        ax.scatter(x[rows, 0], x[rows, 1], s=14, alpha=0.7, label=f"class {label}")
    x1 = torch.linspace(x[:, 0].min().item(), x[:, 0].max().item(), 2)
    ax.plot(x1, -(w[0] * x1 + b) / w[1], color="black", label="boundary: p = 0.5")
    ax.set_ylim(x[:, 1].min().item() - 0.5, x[:, 1].max().item() + 0.5)
    ax.set_aspect("equal")
    ax.set_xlabel("feature $x_1$")
    ax.set_ylabel("feature $x_2$")
    ax.set_title("Logistic regression's decision boundary")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


# --8<-- [end:plot]


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x, y = make_clouds(cfg.n_per_class, CENTRE, STD, cfg.seed)
    fresh_x, fresh_y = make_clouds(cfg.n_per_class, CENTRE, STD, cfg.fresh_seed)
    model, _ = train_classifier(x, y, torch.optim.SGD, cfg.lr, cfg.epochs)
    with torch.no_grad():
        train = accuracy(model(x).squeeze(1), y)
        fresh = accuracy(model(fresh_x).squeeze(1), fresh_y)
    print(f"accuracy on the training points: {train:.3f}, on fresh points: {fresh:.3f}")
    figure = cfg.out_dir / "boundary.png"
    plot_boundary(model.weight[0].detach(), model.bias.item(), x, y, figure)
    return Result(train_accuracy=train, fresh_accuracy=fresh, figure=figure.name)


# --8<-- [end:main]


if __name__ == "__main__":
    main(tyro.cli(Config))
