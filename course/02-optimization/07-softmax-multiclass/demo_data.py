"""Demo 1: three labelled clouds of points from a seeded generator, and a first look."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro

from three_clouds import CENTRES, STD, make_clouds


@dataclass(frozen=True)
class Config:
    n_per_class: int = 100  # points in each class
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    n_points: int
    class_counts: list[int]
    figure: str


def plot(x: torch.Tensor, y: torch.Tensor, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(5.5, 5), dpi=100)
    for label in range(len(CENTRES)):
        rows = y == label
        ax.scatter(x[rows, 0], x[rows, 1], s=14, alpha=0.7, label=f"class {label}")
    ax.set_aspect("equal")
    ax.set_xlabel("feature $x_1$")
    ax.set_ylabel("feature $x_2$")
    ax.set_title("Three overlapping clouds of labelled points")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x, y = make_clouds(cfg.n_per_class, CENTRES, STD, cfg.seed)
    print(f"x: {tuple(x.shape)} {x.dtype}, y: {tuple(y.shape)} {y.dtype}")
    print(f"first labels {y[:3].tolist()}, last labels {y[-3:].tolist()}")
    counts = torch.bincount(y).tolist()  # how many points carry each label
    for label, count in enumerate(counts):
        mean = x[y == label].mean(dim=0)  # the centre of each cloud, shape (2,)
        print(f"class {label}: {count} points, mean ({mean[0]:.2f}, {mean[1]:.2f})")
    again, _ = make_clouds(cfg.n_per_class, CENTRES, STD, cfg.seed)
    print(f"same seed, same points: {torch.equal(x, again)}")
    figure = cfg.out_dir / "data.png"
    plot(x, y, figure)
    return Result(n_points=len(y), class_counts=counts, figure=figure.name)


# --8<-- [end:main]


if __name__ == "__main__":
    main(tyro.cli(Config))
