"""Demo 3: the decision boundaries of Demo 2's two models over the training points, and
their probabilities at the inner tip of each moon."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro

from moons import NOISE, TIPS, draw_boundary, draw_points, make_data, train_classifier


@dataclass(frozen=True)
class Config:
    n: int = 400
    test_fraction: float = 0.25
    hidden_sizes: tuple[int, ...] = (16, 16)
    logistic_lr: float = 0.05  # Demo 2's training
    network_lr: float = 0.02
    epochs: int = 500
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    logistic_at_tips: list[float]  # the probability of class 1 at TIPS
    network_at_tips: list[float]
    figure: str


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x, y, _, _ = make_data(cfg.n, NOISE, cfg.test_fraction, cfg.seed)
    logistic, _ = train_classifier(x, y, (), cfg.logistic_lr, cfg.epochs, cfg.seed)
    network, _ = train_classifier(x, y, cfg.hidden_sizes, cfg.network_lr, cfg.epochs, cfg.seed)
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.5), dpi=100)
    at_tips = []
    for ax, model, name in zip(
        axes, (logistic, network), ("Logistic regression", "Network 2-16-16-2"), strict=True
    ):
        draw_boundary(ax, model, x, f"{name}: P(class 1) and boundary")
        draw_points(ax, x, y, "o", "")
        ax.legend(fontsize="small", loc="lower left")
        with torch.no_grad():
            p1 = torch.softmax(model(torch.tensor(TIPS)), dim=1)[:, 1].tolist()
        print(f"{name:20s} P(class 1) at {TIPS[0]}: {p1[0]:.3f}, at {TIPS[1]}: {p1[1]:.3f}")
        at_tips.append(p1)
    fig.tight_layout()
    figure = cfg.out_dir / "boundaries.png"
    fig.savefig(figure)
    plt.close(fig)
    return Result(at_tips[0], at_tips[1], figure.name)


# --8<-- [end:main]


if __name__ == "__main__":
    main(tyro.cli(Config))
