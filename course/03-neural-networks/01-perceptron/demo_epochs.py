"""Demo 3 of Part 3.1: the decision boundary after each epoch, as small multiples."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro
from matplotlib.axes import Axes

from perceptron import augment, separable_data, train


@dataclass(frozen=True)
class Config:
    seed: int = 0
    points: int = 60
    margin: float = 0.05
    max_epochs: int = 100
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    mistakes: list[int]  # per epoch
    weights: list[list[float]]  # after each epoch


# --8<-- [start:boundary]
def boundary(weights: torch.Tensor, low: float, high: float) -> tuple[list[float], list[float]]:
    """Two points of the line w_0 x_0 + w_1 x_1 + b = 0 at x_0 = low and x_0 = high:
    x_1 = -(w_0 x_0 + b) / w_1 (w_1 is not 0 for this data)."""
    w0, w1, b = weights.tolist()
    return [low, high], [-(w0 * low + b) / w1, -(w0 * high + b) / w1]


def draw_epoch(ax: Axes, points: torch.Tensor, labels: torch.Tensor, weights: torch.Tensor) -> None:
    positive = labels > 0
    ax.scatter(points[positive, 0], points[positive, 1], s=18, marker="x", label="y = +1")
    ax.scatter(points[~positive, 0], points[~positive, 1], s=14, marker="o", label="y = -1")
    ax.plot(*boundary(weights, -2.0, 2.0), color="black", label="boundary")


# --8<-- [end:boundary]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    generator = torch.Generator().manual_seed(cfg.seed)
    points, labels, _ = separable_data(cfg.points, cfg.margin, generator)
    history, mistakes = train(augment(points), labels, cfg.max_epochs)
    fig, axes = plt.subplots(1, len(history), figsize=(3 * len(history), 3.8), sharey=True)
    for epoch, (ax, weights) in enumerate(zip(axes, history, strict=True), start=1):
        draw_epoch(ax, points, labels, weights)
        ax.set(xlim=(-2, 2), ylim=(-2, 2), aspect="equal", xlabel="$x_0$")
        ax.set_title(f"after epoch {epoch}: {mistakes[epoch - 1]} mistakes")
    axes[0].set_ylabel("$x_1$")
    axes[0].legend(loc="lower right", fontsize=7)
    fig.suptitle(f"Perceptron boundary after each epoch ({cfg.points} points, seed {cfg.seed})")
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "epochs.png", dpi=100)
    plt.close(fig)
    for epoch, (weights, count) in enumerate(zip(history, mistakes, strict=True), start=1):
        print(f"epoch {epoch}: {count} mistakes, w = {[round(v, 3) for v in weights.tolist()]}")
    return Result(mistakes=mistakes, weights=[w.tolist() for w in history])


if __name__ == "__main__":
    main(tyro.cli(Config))
