"""Demo 1: noisy points around a cubic from a seeded generator: a small training set and
a larger held-out test set drawn with a different seed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro

from poly import COEFFICIENTS, NOISE_STD, make_poly_data


@dataclass(frozen=True)
class Config:
    n_train: int = 20
    n_test: int = 200
    seed: int = 0  # the training set; the test set uses seed + 1
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    n_train: int
    n_test: int
    figure: str


def plot(
    train: tuple[torch.Tensor, torch.Tensor], test: tuple[torch.Tensor, torch.Tensor], path: Path
) -> None:
    grid = torch.linspace(-2, 2, 200)
    curve = sum(c * grid**k for k, c in enumerate(COEFFICIENTS))
    fig, ax = plt.subplots(figsize=(6.5, 4.5), dpi=100)
    ax.scatter(test[0].squeeze(1), test[1].squeeze(1), s=8, c="0.7", label="test (held out)")
    ax.scatter(train[0].squeeze(1), train[1].squeeze(1), s=20, c="C0", label="train")
    ax.plot(grid, curve, "k--", label="true curve y = 1 - 2x + x³")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title("Noisy points around a cubic: training and held-out test sets")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    train = make_poly_data(cfg.n_train, COEFFICIENTS, NOISE_STD, cfg.seed)
    test = make_poly_data(cfg.n_test, COEFFICIENTS, NOISE_STD, cfg.seed + 1)
    print(
        f"train x {tuple(train[0].shape)}, y {tuple(train[1].shape)}; "
        f"test x {tuple(test[0].shape)}, y {tuple(test[1].shape)}"
    )
    print("first three training points (x, y):")
    print(torch.cat(train, dim=1)[:3])
    figure = cfg.out_dir / "data.png"
    plot(train, test, figure)
    return Result(n_train=cfg.n_train, n_test=cfg.n_test, figure=figure.name)


if __name__ == "__main__":
    main(tyro.cli(Config))
