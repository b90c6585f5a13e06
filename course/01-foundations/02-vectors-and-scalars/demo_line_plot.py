"""Demo 4: the returns vector drawn as a line graph, entry i at x = i, with its mean and spread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro

from demo_shapes import RETURNS


@dataclass(frozen=True)
class Config:
    returns: tuple[float, ...] = tuple(RETURNS)  # one return per episode
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    points: list[list[float]]  # the (x, y) pairs the line joins
    mean: float
    sample_std: float
    figure: str


# --8<-- [start:plot]
def plot_vector(g: torch.Tensor, path: Path) -> None:
    """Entry i of g becomes the point (i, g[i]); a line joins the points in index order."""
    episodes = torch.arange(g.shape[0])  # x values 0, 1, ..., n-1
    mean, std = g.mean().item(), g.std().item()
    fig, ax = plt.subplots(figsize=(7, 3.8), dpi=110)
    ax.plot(episodes, g, marker="o", label="return of the episode")
    ax.axhline(mean, color="black", linestyle="--", label=f"mean = {mean:g}")
    ax.axhspan(mean - std, mean + std, color="gray", alpha=0.2, label="mean ± std (n - 1)")
    ax.set_xlabel("episode i")
    ax.set_ylabel("return g[i]")
    ax.set_title("The returns vector as a line graph")
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


# --8<-- [end:plot]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    g = torch.tensor(cfg.returns)
    figure = cfg.out_dir / "returns_line.png"
    plot_vector(g, figure)
    points = [[float(i), value] for i, value in enumerate(g.tolist())]
    print(f"points joined by the line: {points}")
    print(f"saved {figure.name}")
    return Result(
        points=points,
        mean=g.mean().item(),
        sample_std=g.std().item(),
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
