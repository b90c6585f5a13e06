"""Demo 2: gradient-descent paths on the bowl f(x) = 1/2 (x_0^2 + 10 x_1^2), drawn over its
contour plot for a small and a large step size."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro

from bowl import START, bowl, bowl_gradient, draw_contours, gradient_descent


@dataclass(frozen=True)
class Config:
    alphas: tuple[float, ...] = (0.05, 0.18)  # the step sizes to compare, both below 2/L = 0.2
    steps: int = 30
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    final_values: list[float]  # f(x_steps) for each step size
    sign_changes: list[int]  # how often x_1 changed sign along each path (zigzags)
    figure: str


def sign_changes(values: torch.Tensor) -> int:
    """How many times consecutive entries of ``values`` have opposite signs."""
    return int((values[1:] * values[:-1] < 0).sum())


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(7.5, 4.2), dpi=110)
    draw_contours(ax, limit=4.5)
    finals: list[float] = []
    zigzags: list[int] = []
    # --8<-- [start:paths]
    for alpha in cfg.alphas:
        path = gradient_descent(bowl_gradient, START, alpha, cfg.steps)  # (steps + 1, 2)
        ax.plot(path[:, 0], path[:, 1], marker=".", label=f"alpha = {alpha}")
        # --8<-- [end:paths]
        finals.append(bowl(path[-1]).item())
        zigzags.append(sign_changes(path[:, 1]))
        print(
            f"alpha = {alpha}: x_{cfg.steps} = ({path[-1, 0]:.4f}, {path[-1, 1]:.4f}), "
            f"f = {finals[-1]:.2e}, x_1 changed sign {zigzags[-1]} times"
        )
    ax.plot([0.0], [0.0], marker="*", markersize=12, color="black", linestyle="", label="minimum")
    ax.set_ylim(-2.2, 2.2)
    ax.set_title(f"{cfg.steps} steps of gradient descent on $f(x) = (x_0^2 + 10 x_1^2)/2$")
    ax.legend(loc="upper right")
    figure = cfg.out_dir / "bowl_paths.png"
    fig.tight_layout()
    fig.savefig(figure)
    plt.close(fig)
    print(f"saved {figure.name}")
    return Result(final_values=finals, sign_changes=zigzags, figure=figure.name)


if __name__ == "__main__":
    main(tyro.cli(Config))
