"""Demo 2: rotate a set of 2-D points, by the formula one point at a time and as one
matrix product, and compare."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

from rlcourse.seeding import seed_everything
from transforms import apply, rotation


@dataclass(frozen=True)
class Config:
    points: int = 200  # random points rotated both ways
    degrees: float = 30.0
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    triangle_rotated: list[list[float]]
    loop_matches_matmul: bool
    max_difference: float
    lengths_kept: bool
    eight_eighth_turns_error: float  # largest |R(45)^8 - I|: a full turn, up to rounding


# --8<-- [start:rotate]
def rotate_by_hand(points: torch.Tensor, theta: float) -> torch.Tensor:
    """x' = x cos - y sin, y' = x sin + y cos, for each row (x, y) of points (n, 2)."""
    c, s = math.cos(theta), math.sin(theta)
    rotated = torch.empty_like(points)
    for i, (x, y) in enumerate(points.tolist()):
        rotated[i, 0] = x * c - y * s
        rotated[i, 1] = x * s + y * c
    return rotated


def compare(points: torch.Tensor, theta: float) -> tuple[bool, float]:
    by_hand = rotate_by_hand(points, theta)
    with_matrix = apply(rotation(theta), points)  # points @ R.T: (n, 2) @ (2, 2) -> (n, 2)
    difference = (by_hand - with_matrix).abs().max().item()
    return torch.allclose(by_hand, with_matrix, atol=1e-6), difference


# --8<-- [end:rotate]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    seed_everything(cfg.seed)
    theta = math.radians(cfg.degrees)
    triangle = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    rotated = apply(rotation(theta), triangle)
    print(f"corners (1, 0), (0, 1), (1, 1) rotated by {cfg.degrees:g} degrees:\n{rotated}")
    points = torch.randn(cfg.points, 2)
    same, difference = compare(points, theta)
    print(
        f"{cfg.points} random points: loop and matrix agree: {same} (largest gap {difference:.2g})"
    )
    norms_before = torch.linalg.vector_norm(points, dim=1)
    norms_after = torch.linalg.vector_norm(apply(rotation(theta), points), dim=1)
    kept = torch.allclose(norms_before, norms_after, atol=1e-5)
    print(f"every length kept: {kept}")
    full_turn = torch.linalg.matrix_power(rotation(math.pi / 4), 8)  # 8 turns of 45 degrees
    error = (full_turn - torch.eye(2)).abs().max().item()
    print(f"R(45 degrees)^8 =\n{full_turn}\nlargest distance from I: {error:.2g}")
    return Result(
        triangle_rotated=rotated.tolist(),
        loop_matches_matmul=same,
        max_difference=difference,
        lengths_kept=kept,
        eight_eighth_turns_error=error,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
