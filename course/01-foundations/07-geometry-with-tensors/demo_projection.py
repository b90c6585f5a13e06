"""Demo 4: project one vector onto another, check the right angle, and plot both."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro


@dataclass(frozen=True)
class Config:
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    coefficient: float  # t = x . y / (y . y)
    projection: list[float]
    residual: list[float]
    residual_dot_y: float  # 0: the residual is perpendicular to y
    residual_length: float  # the distance from x to the line through y
    closest_t_on_grid: float  # the t in a grid that brings t y closest to x
    figure: str


# --8<-- [start:project]
def project(x: torch.Tensor, onto: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """proj_y(x) = (x . y / y . y) y, and the residual x - proj_y(x), both shape (d,)."""
    t = (x @ onto) / (onto @ onto)  # a scalar: how many y's fit along x
    projection = t * onto
    return projection, x - projection


# --8<-- [end:project]


def plot_projection(x: torch.Tensor, y: torch.Tensor, projection: torch.Tensor, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(5.5, 4.5), dpi=110)
    origin = [0.0, 0.0]
    arrows = [
        (x, "x", "tab:blue"),
        (y, "y", "tab:orange"),
        (projection, "projection of x onto y", "tab:green"),
    ]
    for vector, label, colour in arrows:
        ax.quiver(
            *origin,
            *vector.tolist(),
            angles="xy",
            scale_units="xy",
            scale=1,
            color=colour,
            label=label,
            width=0.012,
        )
    ax.plot([projection[0], x[0]], [projection[1], x[1]], "k--", label="residual x - projection")
    ax.set_xlim(-0.5, 4.5)
    ax.set_ylim(-0.5, 3.5)
    ax.set_aspect("equal")  # equal units: right angles look right
    ax.grid(alpha=0.3)
    ax.set_xlabel("first coordinate")
    ax.set_ylabel("second coordinate")
    ax.set_title("Projection of x onto y: the residual meets y at a right angle")
    ax.legend(loc="upper right")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x, y = torch.tensor([1.0, 3.0]), torch.tensor([4.0, 2.0])
    projection, residual = project(x, y)
    t = ((x @ y) / (y @ y)).item()
    print(f"t = x.y / y.y = {(x @ y).item():g} / {(y @ y).item():g} = {t:g}")
    print(f"projection {projection.tolist()}, residual {residual.tolist()}")
    print(f"residual . y = {(residual @ y).item():g}; ||residual|| = {residual.norm().item():.4f}")
    grid = torch.linspace(-1, 2, 301)  # candidate multiples t of y, in steps of 0.01
    gaps = torch.linalg.vector_norm(x - grid[:, None] * y, dim=1)  # (301,): ||x - t y||
    best = grid[gaps.argmin()].item()
    print(f"the closest of the multiples t y on the grid: t = {best:.2f}")
    figure = cfg.out_dir / "projection.png"
    plot_projection(x, y, projection, figure)
    return Result(
        coefficient=t,
        projection=projection.tolist(),
        residual=residual.tolist(),
        residual_dot_y=(residual @ y).item(),
        residual_length=residual.norm().item(),
        closest_t_on_grid=best,
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
