"""Demo 2: the MSE of the line w x + b as a surface over (w, b), drawn as contours, with a
gradient-descent path on it and the least-squares minimum."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro

from data import line_data


@dataclass(frozen=True)
class Config:
    n: int = 50  # data points
    noise: float = 0.3
    seed: int = 0
    alpha: float = 0.2  # step size of the descent drawn on the surface
    steps: int = 40
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    minimum: list[float]  # (w, b) by least squares
    minimum_loss: float
    final: list[float]  # (w, b) after the descent
    final_loss: float
    figure: str


# --8<-- [start:surface]
def loss_surface(
    x: torch.Tensor, y: torch.Tensor, ws: torch.Tensor, bs: torch.Tensor
) -> torch.Tensor:
    """MSE of the line w x + b for every (b, w) pair: shape (len(bs), len(ws)).

    Shapes: ws (1, W, 1), bs (B, 1, 1) and x (n,) broadcast to predictions (B, W, n)."""
    pred = ws[None, :, None] * x + bs[:, None, None]
    return ((pred - y) ** 2).mean(dim=-1)


def descend(x: torch.Tensor, y: torch.Tensor, alpha: float, steps: int) -> torch.Tensor:
    """Gradient descent on MSE(w, b) from (w, b) = (-1, -1), by autograd: path (steps + 1, 2)."""
    params = torch.tensor([-1.0, -1.0], requires_grad=True)
    path = [params.detach().clone()]
    for _ in range(steps):
        loss = ((params[0] * x + params[1] - y) ** 2).mean()
        loss.backward()
        grad = params.grad
        assert grad is not None
        with torch.no_grad():
            params -= alpha * grad
        grad.zero_()
        path.append(params.detach().clone())
    return torch.stack(path)


# --8<-- [end:surface]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x, y = line_data(cfg.n, cfg.noise, cfg.seed)
    ws, bs = torch.linspace(-1.5, 4.0, 221), torch.linspace(-1.5, 3.0, 181)
    surface = loss_surface(x, y, ws, bs)
    design = torch.stack([x, torch.ones_like(x)], dim=1)  # rows (x_i, 1): pred = design @ (w, b)
    best = torch.linalg.lstsq(design, y.unsqueeze(1)).solution.squeeze(1)
    path = descend(x, y, cfg.alpha, cfg.steps)
    mse = loss_surface(x, y, path[-1, :1], path[-1, 1:]).item()
    best_loss = loss_surface(x, y, best[:1], best[1:]).item()
    print(f"least squares: w = {best[0]:.4f}, b = {best[1]:.4f}, MSE = {best_loss:.4f}")
    print(f"after {cfg.steps} steps: w = {path[-1, 0]:.4f}, b = {path[-1, 1]:.4f}, MSE = {mse:.4f}")
    fig, ax = plt.subplots(figsize=(7, 5.6), dpi=110)
    contours = ax.contour(ws, bs, surface, levels=[0.1, 0.25, 0.5, 1, 2, 4, 8], colors="gray")
    ax.clabel(contours, fontsize=7)
    ax.plot(path[:, 0], path[:, 1], marker=".", label=f"gradient descent, alpha = {cfg.alpha:g}")
    ax.plot(
        [best[0]],
        [best[1]],
        marker="*",
        markersize=12,
        linestyle="",
        color="black",
        label="least-squares minimum",
    )
    ax.set_aspect("equal")
    ax.set_xlabel("slope w")
    ax.set_ylabel("intercept b")
    ax.set_title("MSE of the line w x + b on 50 noisy points")
    ax.legend(loc="upper left")
    figure = cfg.out_dir / "mse_surface.png"
    fig.tight_layout()
    fig.savefig(figure)
    plt.close(fig)
    print(f"saved {figure.name}")
    return Result(
        minimum=best.tolist(),
        minimum_loss=best_loss,
        final=path[-1].tolist(),
        final_loss=mse,
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
