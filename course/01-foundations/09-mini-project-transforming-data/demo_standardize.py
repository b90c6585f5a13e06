"""Demo 4: centre and standardise the data set; its covariance becomes the correlation."""

from __future__ import annotations

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
    standardized_mean: list[float]
    standardized_std: list[float]
    correlation: float  # the off-diagonal entry of the standardised data's covariance
    matches_corrcoef: bool
    figure: str


# --8<-- [start:standardize]
def standardize(data: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """z = (x - mean) / std, feature by feature, for data (n, d); also the mean and std."""
    mean = data.mean(dim=0)  # (d,)
    std = data.std(dim=0)  # (d,), divides by n - 1 like the covariance
    return (data - mean) / std, mean, std  # (n, d) - (d,), then / (d,): row by row


# --8<-- [end:standardize]


def plot(data: torch.Tensor, centred: torch.Tensor, z: torch.Tensor, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(6.5, 5), dpi=100)
    for points, label in [(data, "raw"), (centred, "centred"), (z, "standardised")]:
        ax.scatter(points[:, 0], points[:, 1], s=5, alpha=0.45, label=label)
    ax.axhline(0, color="black", lw=0.6)
    ax.axvline(0, color="black", lw=0.6)
    ax.set_aspect("equal")
    ax.grid(alpha=0.3)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title("Centring moves the cloud to 0; standardising gives each axis spread 1")
    ax.legend(markerscale=3)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    data = make_cloud(cfg.n, cfg.seed)
    z, mean, std = standardize(data)
    print(f"mean {mean}, std {std}")
    print(f"standardised: mean {z.mean(dim=0)}, std {z.std(dim=0)}")
    cov_z = torch.cov(z.T)
    same = torch.allclose(cov_z, torch.corrcoef(data.T), atol=1e-5)
    print(f"covariance of z =\n{cov_z}\nequals torch.corrcoef of the data: {same}")
    figure = cfg.out_dir / "standardized.png"
    plot(data, data - mean, z, figure)
    return Result(
        standardized_mean=z.mean(dim=0).tolist(),
        standardized_std=z.std(dim=0).tolist(),
        correlation=cov_z[0, 1].item(),
        matches_corrcoef=same,
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
