"""Demo 3: gradient descent on f(x) = ||x||^2 in n dimensions, from a seeded random start."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

from bowl import gradient_descent


@dataclass(frozen=True)
class Config:
    dims: int = 5  # n, the length of x
    alpha: float = 0.1  # below 2/L = 1, since L = 2 for ||x||^2
    steps: int = 25
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    start: list[float]
    final_norm: float  # ||x_steps||
    norm_ratios: list[float]  # ||x_{k+1}|| / ||x_k|| for every step
    cosine_to_start: float  # cos of the angle between x_steps and x_0: 1 = same direction


# --8<-- [start:vector]
def norm_squared_gradient(x: torch.Tensor) -> torch.Tensor:
    """f(x) = x_0^2 + ... + x_{n-1}^2 has partial derivatives 2 x_i: grad f(x) = 2x, shape (n,)."""
    return 2.0 * x


# --8<-- [end:vector]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    # --8<-- [start:run]
    generator = torch.Generator().manual_seed(cfg.seed)
    x0 = torch.randn(cfg.dims, generator=generator, dtype=torch.float64)
    path = gradient_descent(norm_squared_gradient, x0, cfg.alpha, cfg.steps)  # (steps + 1, n)
    norms = torch.linalg.vector_norm(path, dim=1)  # ||x_k|| for k = 0, ..., steps
    ratios = norms[1:] / norms[:-1]
    cosine = torch.dot(path[-1], x0) / (norms[-1] * norms[0])
    # --8<-- [end:run]
    print(f"x_0  = {[round(v, 4) for v in x0.tolist()]}")
    print(f"x_{cfg.steps} = {[round(v, 6) for v in path[-1].tolist()]}")
    print(f"||x_0|| = {norms[0]:.4f}, ||x_{cfg.steps}|| = {norms[-1]:.6f}")
    print(f"||x_(k+1)|| / ||x_k|| between {ratios.min():.6f} and {ratios.max():.6f}")
    print(f"1 - 2 alpha = {1 - 2 * cfg.alpha:.6f}; cos(x_{cfg.steps}, x_0) = {cosine:.6f}")
    return Result(
        start=x0.tolist(),
        final_norm=norms[-1].item(),
        norm_ratios=ratios.tolist(),
        cosine_to_start=cosine.item(),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
