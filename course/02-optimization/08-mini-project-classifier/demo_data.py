"""Demo 1: two half-moons from scikit-learn's seeded generator, split into a training set
and a held-out test set, and a first look."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import tyro

from moons import NOISE, draw_points, make_data


@dataclass(frozen=True)
class Config:
    n: int = 400  # points in all
    test_fraction: float = 0.25  # held out, never trained on
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    n_train: int
    n_test: int
    share_of_ones_train: float
    share_of_ones_test: float
    figure: str


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x_train, y_train, x_test, y_test = make_data(cfg.n, NOISE, cfg.test_fraction, cfg.seed)
    print(f"x_train: {tuple(x_train.shape)}, x_test: {tuple(x_test.shape)}, y: {y_train.dtype}")
    ones_train, ones_test = y_train.float().mean().item(), y_test.float().mean().item()
    print(f"share of class 1: {ones_train:.3f} in training, {ones_test:.3f} in test")
    again = make_data(cfg.n, NOISE, cfg.test_fraction, cfg.seed)[2]
    print(f"same seed, same test points: {bool((again == x_test).all())}")
    fig, ax = plt.subplots(figsize=(6.5, 4.5), dpi=100)
    draw_points(ax, x_train, y_train, "o", "training, ")
    draw_points(ax, x_test, y_test, "x", "test, ")
    ax.set_aspect("equal")
    ax.set_xlabel("feature $x_1$")
    ax.set_ylabel("feature $x_2$")
    ax.set_title("Two half-moons: training and held-out test points")
    ax.legend(fontsize="small")
    fig.tight_layout()
    figure = cfg.out_dir / "data.png"
    fig.savefig(figure)
    plt.close(fig)
    return Result(len(y_train), len(y_test), ones_train, ones_test, figure.name)


# --8<-- [end:main]


if __name__ == "__main__":
    main(tyro.cli(Config))
