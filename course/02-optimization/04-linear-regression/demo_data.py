"""Demo 1: noisy points around a known line, from a seeded generator, and the line
that least squares fits through them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro

from line import INTERCEPT, NOISE_STD, SLOPE, least_squares, make_line_data


@dataclass(frozen=True)
class Config:
    n: int = 50  # points
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    fitted_slope: float
    fitted_intercept: float
    same_seed_same_points: bool
    figure: str


def plot(x: torch.Tensor, y: torch.Tensor, fitted: torch.Tensor, path: Path) -> None:
    grid = torch.linspace(0, 10, 2)
    fig, ax = plt.subplots(figsize=(6.5, 4.5), dpi=100)
    ax.scatter(x.squeeze(1), y.squeeze(1), s=14, label="data")
    ax.plot(
        grid, SLOPE * grid + INTERCEPT, "k--", label=f"true line y = {SLOPE:g}x + {INTERCEPT:g}"
    )
    w, b = fitted.tolist()
    ax.plot(grid, w * grid + b, "C3", label=f"least squares y = {w:.3f}x + {b:.3f}")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title(f"{len(x)} noisy points around a line, and the line fitted to them")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x, y = make_line_data(cfg.n, SLOPE, INTERCEPT, NOISE_STD, cfg.seed)
    again, _ = make_line_data(cfg.n, SLOPE, INTERCEPT, NOISE_STD, cfg.seed)
    same = torch.equal(x, again)
    print(f"x {tuple(x.shape)}, y {tuple(y.shape)}; first three points:")
    print(torch.cat([x, y], dim=1)[:3])
    print(f"the same seed gives the same points: {same}")
    fitted = least_squares(x, y)
    w, b = fitted.tolist()
    print(f"least squares: w = {w:.4f}, b = {b:.4f} (true line: w = {SLOPE}, b = {INTERCEPT})")
    figure = cfg.out_dir / "data.png"
    plot(x, y, fitted, figure)
    return Result(
        fitted_slope=w, fitted_intercept=b, same_seed_same_points=same, figure=figure.name
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
