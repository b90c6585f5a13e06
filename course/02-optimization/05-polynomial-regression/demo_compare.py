"""Demo 3: a straight line against a cubic on the same data, both trained by the library's
loop on scaled features, and both judged on the held-out test set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro

from poly import (
    COEFFICIENTS,
    NOISE_STD,
    make_poly_data,
    poly_features,
    standardize,
    train_polynomial,
)


@dataclass(frozen=True)
class Config:
    n_train: int = 20
    n_test: int = 200
    epochs: int = 2000
    lr: float = 0.3
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    line_train_mse: float
    line_test_mse: float
    cubic_train_mse: float
    cubic_test_mse: float
    figure: str


# --8<-- [start:compare]
def train_and_test(
    degree: int,
    train: tuple[torch.Tensor, torch.Tensor],
    test: tuple[torch.Tensor, torch.Tensor],
    cfg: Config,
    grid: torch.Tensor,
) -> tuple[float, float, torch.Tensor]:
    """Train and test MSE of a degree-`degree` fit, and its predictions on `grid` (m, 1)."""
    features, test_features = standardize(
        poly_features(train[0], degree), poly_features(test[0], degree)
    )
    model, losses = train_polynomial(features, train[1], cfg.epochs, cfg.lr)
    with torch.no_grad():  # evaluation only: no graph needed
        test_mse = ((model(test_features) - test[1]) ** 2).mean().item()
        _, grid_features = standardize(poly_features(train[0], degree), poly_features(grid, degree))
        return losses[-1], test_mse, model(grid_features)


# --8<-- [end:compare]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    train = make_poly_data(cfg.n_train, COEFFICIENTS, NOISE_STD, cfg.seed)
    test = make_poly_data(cfg.n_test, COEFFICIENTS, NOISE_STD, cfg.seed + 1)
    grid = torch.linspace(-2, 2, 200).unsqueeze(1)
    scores = {degree: train_and_test(degree, train, test, cfg, grid) for degree in (1, 3)}
    for degree, (train_mse, test_mse, _) in scores.items():
        print(f"degree {degree}: train MSE {train_mse:.4f}, test MSE {test_mse:.4f}")
    fig, ax = plt.subplots(figsize=(6.5, 4.5), dpi=100)
    ax.scatter(test[0].squeeze(1), test[1].squeeze(1), s=8, c="0.7", label="test (held out)")
    ax.scatter(train[0].squeeze(1), train[1].squeeze(1), s=20, c="C0", label="train")
    for degree, (_, _, prediction) in scores.items():
        ax.plot(grid.squeeze(1), prediction.squeeze(1), label=f"degree {degree} fit")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title("A line cannot bend; a cubic follows the curve")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    figure = cfg.out_dir / "line_vs_cubic.png"
    fig.savefig(figure)
    plt.close(fig)
    (line_train, line_test, _), (cubic_train, cubic_test, _) = scores[1], scores[3]
    return Result(line_train, line_test, cubic_train, cubic_test, figure.name)


if __name__ == "__main__":
    main(tyro.cli(Config))
