"""Demo 2: the training loop written with tensors only: the MSE gradient by hand, the
gradient-descent update, and the path it takes over the loss surface."""

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
    lr: float = 0.02  # the step size alpha; below 2 / L = 0.0345 for this data (Part 2.1)
    steps: int = 2000
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    w: float
    b: float
    largest_curvature: float  # L, the largest eigenvalue of the Hessian (2/n) X^T X
    smallest_curvature: float
    loss_excess_at_step_10: float  # (loss - minimum) / minimum after 10 steps, in percent
    max_difference_from_closed_form: float
    steps_until_slope_close: int  # first step with |w - w*| < 0.01
    steps_until_intercept_close: int  # first step with |b - b*| < 0.01
    figure: str


# --8<-- [start:loop]
def train_by_hand(
    x: torch.Tensor, y: torch.Tensor, lr: float, steps: int
) -> tuple[torch.Tensor, list[float]]:
    """Gradient descent on L(w, b) = mean((w x + b - y)^2) from w = b = 0: the (w, b) after
    each step, shape (steps + 1, 2), and the loss before each step."""
    w, b = torch.tensor(0.0), torch.tensor(0.0)
    path, losses = [torch.stack([w, b])], []
    for _ in range(steps):
        error = w * x + b - y  # (n, 1): prediction minus target
        losses.append((error**2).mean().item())
        grad_w = 2 * (error * x).mean()  # dL/dw
        grad_b = 2 * error.mean()  # dL/db
        w, b = w - lr * grad_w, b - lr * grad_b  # both from the old (w, b)
        path.append(torch.stack([w, b]))
    return torch.stack(path), losses


# --8<-- [end:loop]


def first_close(values: torch.Tensor, target: float, tolerance: float = 0.01) -> int:
    """The first index from which every value stays within tolerance of target."""
    far = ((values - target).abs() >= tolerance).nonzero()
    return 0 if len(far) == 0 else int(far[-1]) + 1


Range = tuple[float, float]


def mse_grid(
    x: torch.Tensor, y: torch.Tensor, w_range: Range, b_range: Range
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The loss at 200 x 200 values of (w, b): (200, 200, 1) grids against the n points."""
    w_grid, b_grid = torch.meshgrid(
        torch.linspace(w_range[0], w_range[1], 200),
        torch.linspace(b_range[0], b_range[1], 200),
        indexing="xy",
    )
    error = w_grid[..., None] * x.squeeze(1) + b_grid[..., None] - y.squeeze(1)
    return w_grid, b_grid, (error**2).mean(dim=-1)


def plot(
    x: torch.Tensor, y: torch.Tensor, path: torch.Tensor, best: torch.Tensor, file: Path
) -> None:
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.8), dpi=100)
    views: list[tuple[Range, Range, list[float], str]] = [
        ((-0.5, 3.5), (-1.5, 3.0), [4.85, 5, 6, 8, 15, 30, 60, 120], "the whole descent"),
        ((2.13, 2.19), (0.3, 0.6), [4.8022, 4.8025, 4.803, 4.804, 4.806], "zoomed on the valley"),
    ]
    for ax, (w_range, b_range, levels, name) in zip(axes, views, strict=True):
        contours = ax.contour(*mse_grid(x, y, w_range, b_range), levels=levels, cmap="viridis")
        ax.clabel(contours, fontsize=8)
        ax.plot(path[:, 0], path[:, 1], "C3.-", ms=3, lw=0.8, label="gradient descent")
        ax.plot(*best.tolist(), "k*", ms=12, label="least squares (closed form)")
        ax.set_xlim(*w_range)
        ax.set_ylim(*b_range)
        ax.set_xlabel("slope w")
        ax.set_ylabel("intercept b")
        ax.set_title(f"MSE contours and the path, {name}")
        ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(file)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x, y = make_line_data(cfg.n, SLOPE, INTERCEPT, NOISE_STD, cfg.seed)
    design = torch.cat([x, torch.ones_like(x)], dim=1).double()
    curvatures = torch.linalg.eigvalsh(2 * design.T @ design / cfg.n)  # ascending
    print(
        f"Hessian eigenvalues {curvatures.tolist()}: stable for lr < 2/L = {2 / curvatures[1]:.4f}"
    )
    path, losses = train_by_hand(x, y, cfg.lr, cfg.steps)
    best = least_squares(x, y)
    for step in sorted({0, 10, 100, 1000, cfg.steps} & set(range(cfg.steps + 1))):
        w, b = path[step].tolist()
        loss = losses[step] if step < cfg.steps else ((w * x + b - y) ** 2).mean().item()
        print(f"step {step:5d}: w = {w:.4f}, b = {b:.4f}, loss {loss:.4f}")
    minimum = ((best[0] * x.double() + best[1] - y.double()) ** 2).mean().item()
    excess = 100 * (losses[10] - minimum) / minimum
    print(f"after 10 steps the loss is {excess:.2f} % above its minimum {minimum:.4f}")
    difference = (path[-1].double() - best).abs().max().item()
    print(
        f"closed form:  w = {best[0]:.4f}, b = {best[1]:.4f}; largest difference {difference:.1e}"
    )
    slope_steps = first_close(path[:, 0], best[0].item())
    intercept_steps = first_close(path[:, 1], best[1].item())
    print(f"within 0.01 of the closed form from step {slope_steps} (w), {intercept_steps} (b)")
    figure = cfg.out_dir / "descent_path.png"
    plot(x, y, path, best, figure)
    return Result(
        w=path[-1, 0].item(),
        b=path[-1, 1].item(),
        largest_curvature=curvatures[1].item(),
        smallest_curvature=curvatures[0].item(),
        loss_excess_at_step_10=excess,
        max_difference_from_closed_form=difference,
        steps_until_slope_close=slope_steps,
        steps_until_intercept_close=intercept_steps,
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
