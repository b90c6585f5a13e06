"""Demo 1: the Euclidean norm of a vector, by hand and with torch.linalg.vector_norm."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro


@dataclass(frozen=True)
class Config:
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    norm_x: float  # ||x|| for x = (1, 3): the square root of 10
    norm_matches: bool  # by hand == torch.linalg.vector_norm, to float32 rounding
    l1_x: float
    max_x: float
    batch_norms: list[float]  # one norm per row of a batch of observations


# --8<-- [start:norms]
def norm_by_hand(x: torch.Tensor) -> torch.Tensor:
    """||x|| = sqrt(x_0^2 + ... + x_{d-1}^2) = sqrt(x . x), for x of shape (d,)."""
    return torch.sqrt((x * x).sum())


def compare_norms(x: torch.Tensor) -> tuple[float, bool]:
    by_hand = norm_by_hand(x)
    with_torch = torch.linalg.vector_norm(x)  # ord=2, the Euclidean norm, by default
    same = torch.allclose(by_hand, with_torch)
    print(f"||x|| by hand {by_hand.item():.4f}, torch {with_torch.item():.4f}, same: {same}")
    l1 = torch.linalg.vector_norm(x, ord=1)  # |x_0| + |x_1| + ...
    largest = torch.linalg.vector_norm(x, ord=torch.inf)  # max |x_k|
    print(f"other norms of x: sum of |x_k| = {l1.item():g}, largest |x_k| = {largest.item():g}")
    return by_hand.item(), same


def batch_norms(observations: torch.Tensor) -> torch.Tensor:
    """One norm per row: (n, d) -> (n,). dim=1 sums over each row's d numbers."""
    return torch.sqrt((observations**2).sum(dim=1))


# --8<-- [end:norms]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x = torch.tensor([1.0, 3.0])
    norm_x, same = compare_norms(x)
    print(f"||-2 x|| = {norm_by_hand(-2 * x).item():.4f} = 2 ||x||")
    observations = torch.tensor([[3.0, 4.0], [1.0, 3.0], [0.0, -2.0], [6.0, 8.0]])
    norms = batch_norms(observations)
    print(f"norms of 4 observations: {norms}")
    return Result(
        norm_x=norm_x,
        norm_matches=same,
        l1_x=torch.linalg.vector_norm(x, ord=1).item(),
        max_x=torch.linalg.vector_norm(x, ord=torch.inf).item(),
        batch_norms=norms.tolist(),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
