"""Demo 2: apply matrix transformations to the data set and plot it before and after;
the mean and covariance move as the Mathematics section predicts."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro

from cloud import make_cloud


@dataclass(frozen=True)
class Config:
    n: int = 500
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    mean_rule_holds: dict[str, bool]  # mean of the images == M mean
    covariance_rule_holds: dict[str, bool]  # covariance of the images == M C M^T
    figure: str


def maps() -> dict[str, torch.Tensor]:
    c, s = math.cos(math.radians(-30)), math.sin(math.radians(-30))
    return {
        "rotate by -30 degrees": torch.tensor([[c, -s], [s, c]]),
        "scale by (0.5, 2)": torch.tensor([[0.5, 0.0], [0.0, 2.0]]),
        "shear": torch.tensor([[1.0, -1.0], [0.0, 1.0]]),
    }


# --8<-- [start:transform]
def transform_and_compare(data: torch.Tensor, m: torch.Tensor) -> tuple[torch.Tensor, bool, bool]:
    images = data @ m.T  # (n, 2): each row p becomes M p (Part 1.8)
    mean, cov = data.mean(dim=0), torch.cov(data.T)  # torch.cov wants one variable per row
    mean_rule = torch.allclose(images.mean(dim=0), m @ mean, atol=1e-4)
    cov_rule = torch.allclose(torch.cov(images.T), m @ cov @ m.T, atol=1e-4)
    return images, mean_rule, cov_rule


# --8<-- [end:transform]


def plot(data: torch.Tensor, images: dict[str, torch.Tensor], path: Path) -> None:
    fig, axes = plt.subplots(1, len(images), figsize=(4.2 * len(images), 5.0), dpi=100)
    for ax, (name, moved) in zip(axes, images.items(), strict=True):
        ax.scatter(data[:, 0], data[:, 1], s=5, alpha=0.35, color="gray", label="before")
        ax.scatter(moved[:, 0], moved[:, 1], s=5, alpha=0.5, color="tab:blue", label="after")
        ax.set_aspect("equal")
        ax.set_xlim(-3, 9)
        ax.set_ylim(-4, 10)
        ax.grid(alpha=0.3)
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        ax.set_title(name)
        ax.legend(loc="upper left", markerscale=3)
    fig.suptitle("The data set before and after three linear maps")
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    fig.savefig(path, bbox_inches="tight")  # keep the x labels that equal aspect pushes out
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    data = make_cloud(cfg.n, cfg.seed)
    images: dict[str, torch.Tensor] = {}
    mean_rules: dict[str, bool] = {}
    cov_rules: dict[str, bool] = {}
    for name, m in maps().items():
        images[name], mean_rules[name], cov_rules[name] = transform_and_compare(data, m)
        cov = torch.cov(images[name].T)
        print(f"{name}: mean {images[name].mean(dim=0)}, covariance\n{cov}")
        print(f"  mean = M mean: {mean_rules[name]}; covariance = M C M^T: {cov_rules[name]}")
    figure = cfg.out_dir / "transformed.png"
    plot(data, images, figure)
    return Result(mean_rule_holds=mean_rules, covariance_rule_holds=cov_rules, figure=figure.name)


if __name__ == "__main__":
    main(tyro.cli(Config))
