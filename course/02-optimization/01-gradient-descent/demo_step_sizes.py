"""Demo 4: the bowl f(x) = 1/2 (x_0^2 + 10 x_1^2) descended with several step sizes, one of
them above 2/L, which diverges."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro

from bowl import CURVATURES, START, bowl, bowl_gradient, draw_contours, gradient_descent


@dataclass(frozen=True)
class Config:
    alphas: tuple[float, ...] = (0.02, 0.1, 0.18, 0.21)  # 2/L = 0.2 lies between the last two
    steps: int = 60
    tolerance: float = 1e-6  # "converged" once f(x_k) is below this
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    largest_stable_alpha: float  # 2 / L
    alphas: list[float]
    predicted_factors: list[float]  # max_i |1 - alpha a_i| for each alpha
    measured_factors: list[float]  # ||x_steps|| / ||x_(steps-1)|| for each alpha
    steps_to_tolerance: list[int]  # first k with f(x_k) < tolerance; -1: never
    final_values: list[float]  # f(x_steps)
    figure: str


# --8<-- [start:factor]
def contraction_factor(alpha: float) -> float:
    """max_i |1 - alpha a_i|: each step multiplies coordinate i by (1 - alpha a_i)."""
    return (1.0 - alpha * CURVATURES).abs().max().item()


# --8<-- [end:factor]


def first_below(values: torch.Tensor, tolerance: float) -> int:
    """The first index k with values[k] < tolerance, or -1 if there is none."""
    below = torch.nonzero(values < tolerance)
    return int(below[0, 0]) if below.numel() > 0 else -1


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    largest = 2.0 / CURVATURES.max().item()
    print(f"L = {CURVATURES.max():g}, so gradient descent converges for 0 < alpha < {largest:g}")
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2), dpi=110)
    predicted: list[float] = []
    measured: list[float] = []
    reached: list[int] = []
    finals: list[float] = []
    for alpha in cfg.alphas:
        path = gradient_descent(bowl_gradient, START, alpha, cfg.steps)
        values = bowl(path)  # f(x_k), shape (steps + 1,)
        norms = torch.linalg.vector_norm(path, dim=1)
        predicted.append(contraction_factor(alpha))
        measured.append((norms[-1] / norms[-2]).item())
        reached.append(first_below(values, cfg.tolerance))
        finals.append(values[-1].item())
        print(
            f"alpha = {alpha:<5g} factor {predicted[-1]:.2f} (measured {measured[-1]:.4f}), "
            f"f < {cfg.tolerance:g} at step {reached[-1] if reached[-1] >= 0 else 'never':>5}, "
            f"f(x_{cfg.steps}) = {finals[-1]:.3g}"
        )
        right.semilogy(values, label=f"alpha = {alpha:g}")
        if alpha > largest:
            left.plot(path[:8, 0], path[:8, 1], marker=".", color="tab:red", label="first 8 steps")
    draw_contours(left, limit=4.5)
    left.set_ylim(-3.5, 3.5)
    left.set_title(f"alpha = {cfg.alphas[-1]:g} > 2/L: the path leaves the bowl")
    left.legend(loc="upper right")
    right.axhline(cfg.tolerance, color="black", linestyle=":", label="tolerance")
    right.set_xlabel("step k")
    right.set_ylabel("$f(x_k)$ (log scale)")
    right.set_title("Loss against step for each step size")
    right.legend(loc="lower left")
    figure = cfg.out_dir / "step_sizes.png"
    fig.tight_layout()
    fig.savefig(figure)
    plt.close(fig)
    print(f"saved {figure.name}")
    return Result(
        largest_stable_alpha=largest,
        alphas=list(cfg.alphas),
        predicted_factors=predicted,
        measured_factors=measured,
        steps_to_tolerance=reached,
        final_values=finals,
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
