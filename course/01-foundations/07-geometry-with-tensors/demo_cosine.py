"""Demo 3: cosine similarity and the angle between vectors; Cauchy–Schwarz measured;
why an angle can come out as NaN."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F
import tyro

from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    pairs: int = 1000  # random pairs for Cauchy–Schwarz and for the rounding test
    size: int = 5  # numbers per random vector
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    cosine_xy: float
    angle_xy_degrees: float
    matches_torch: bool
    largest_ratio: float  # max |x . y| / (||x|| ||y||) over random pairs: at most 1
    parallel_above_one: int  # pairs (a, 3.7 a) whose computed cosine exceeds 1
    parallel_torch_above_one: int  # the same with F.cosine_similarity
    parallel_largest_excess: float  # (largest cosine - 1) / eps32: rounding steps above 1
    parallel_nan_angles: int  # acos of those cosines: NaN
    clamped_nan_angles: int  # after clamping to [-1, 1]


# --8<-- [start:cosine]
def cosine(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """cos(theta) = x . y / (||x|| ||y||), row by row for tensors of shape (n, d)."""
    dots = (x * y).sum(dim=-1)
    return dots / (torch.linalg.vector_norm(x, dim=-1) * torch.linalg.vector_norm(y, dim=-1))


def angle_degrees(cos: torch.Tensor) -> torch.Tensor:
    # Rounding can push a cosine just past 1 (or -1), where acos is NaN: clamp first.
    return torch.rad2deg(torch.acos(cos.clamp(-1.0, 1.0)))


# --8<-- [end:cosine]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    seed_everything(cfg.seed)
    x, y = torch.tensor([1.0, 3.0]), torch.tensor([4.0, 2.0])
    cos_xy = cosine(x, y)
    library = F.cosine_similarity(x, y, dim=0)
    same = torch.allclose(cos_xy, library)
    print(f"cos(x, y) = {cos_xy.item():.4f}, F.cosine_similarity: {library.item():.4f}")
    print(f"angle: {angle_degrees(cos_xy).item():.2f} degrees; 1/sqrt(2) = {1 / math.sqrt(2):.4f}")

    a, b = torch.randn(cfg.pairs, cfg.size), torch.randn(cfg.pairs, cfg.size)
    ratio = cosine(a, b).abs().max().item()  # Cauchy–Schwarz: never above 1
    print(f"largest |cos| over {cfg.pairs} random pairs: {ratio:.4f}")

    parallel = cosine(a, 3.7 * a)  # exactly 1 in real numbers
    above = int((parallel > 1).sum())
    torch_above = int((F.cosine_similarity(a, 3.7 * a, dim=1) > 1).sum())
    excess = (parallel.max().item() - 1) / torch.finfo(torch.float32).eps
    nan_angles = int(torch.acos(parallel).isnan().sum())
    clamped = int(angle_degrees(parallel).isnan().sum())
    print(f"pairs (a, 3.7 a): cosine above 1 in {above}, with F.cosine_similarity in {torch_above}")
    print(f"largest cosine: 1 + {excess:.1f} eps; acos gives NaN for {nan_angles}")
    print(f"after clamping, NaN angles: {clamped}")
    return Result(
        cosine_xy=cos_xy.item(),
        angle_xy_degrees=angle_degrees(cos_xy).item(),
        matches_torch=same,
        largest_ratio=ratio,
        parallel_above_one=above,
        parallel_torch_above_one=torch_above,
        parallel_largest_excess=excess,
        parallel_nan_angles=nan_angles,
        clamped_nan_angles=clamped,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
