"""Demo 2: the gradient of f(x, y) = x^2 + y^3 by autograd, against (2x, 3y^2) by hand, and
the field of gradients drawn over f's contour lines."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro


@dataclass(frozen=True)
class Config:
    point: tuple[float, float] = (2.0, -1.0)  # (x, y) where we differentiate
    arrows: int = 9  # arrows per side of the grid in the figure
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    autograd: list[float]  # (df/dx, df/dy) at the point
    by_hand: list[float]  # (2x, 3y^2)
    agree: bool  # torch.allclose of the two
    figure: str


def f(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return x**2 + y**3


def draw_gradient_field(count: int, path: Path) -> None:
    """Contours of f over [-1.5, 1.5]^2 and the gradient at count x count points, all
    computed with one backward(): f of the grid, summed, has d(sum)/dx_ij = df/dx at point ij."""
    side = torch.linspace(-1.5, 1.5, count, dtype=torch.float64)
    x, y = torch.meshgrid(side, side, indexing="xy")
    x.requires_grad_(True)
    y.requires_grad_(True)
    f(x, y).sum().backward()
    assert x.grad is not None and y.grad is not None
    fine = torch.linspace(-1.5, 1.5, 201, dtype=torch.float64)
    fx, fy = torch.meshgrid(fine, fine, indexing="xy")
    fig, ax = plt.subplots(figsize=(5.5, 5), dpi=110)
    contours = ax.contour(fx, fy, f(fx, fy), levels=12, colors="gray", linewidths=0.8)
    ax.clabel(contours, fontsize=7)
    # angles="xy" and scale_units="xy": arrows in data units, so their angles are true.
    ax.quiver(x.detach(), y.detach(), x.grad, y.grad, angles="xy", scale_units="xy", scale=20)
    ax.set_aspect("equal")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title("Contours of $x^2 + y^3$ and its gradients (1/20 scale)")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    # --8<-- [start:gradient]
    x = torch.tensor(cfg.point[0], dtype=torch.float64, requires_grad=True)
    y = torch.tensor(cfg.point[1], dtype=torch.float64, requires_grad=True)
    f(x, y).backward()  # fills x.grad with df/dx and y.grad with df/dy
    assert x.grad is not None and y.grad is not None
    autograd = torch.stack([x.grad, y.grad])
    by_hand = torch.stack([2 * x.detach(), 3 * y.detach() ** 2])  # (2x, 3y^2)
    agree = torch.allclose(autograd, by_hand)
    # --8<-- [end:gradient]
    print(f"at (x, y) = {cfg.point}: f = {f(x, y).item()}")
    print(f"autograd (df/dx, df/dy) = {autograd.tolist()}")
    print(f"by hand  (2x, 3y^2)     = {by_hand.tolist()}, allclose: {agree}")
    figure = cfg.out_dir / "gradient_field.png"
    draw_gradient_field(cfg.arrows, figure)
    print(f"saved {figure.name}")
    return Result(
        autograd=autograd.tolist(), by_hand=by_hand.tolist(), agree=agree, figure=figure.name
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
