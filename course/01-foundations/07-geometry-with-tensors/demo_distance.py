"""Demo 2: distances between vectors, and the nearest of several stored observations."""

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
    distance_xy: float  # ||x - y|| for the running example
    distances: list[float]  # from the query to each stored observation
    matches_cdist: bool
    nearest: int  # index of the stored observation nearest to the query


# --8<-- [start:distance]
def distance(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """d(x, y) = ||x - y||: the length of the arrow from y to x."""
    return torch.linalg.vector_norm(x - y)


def distances_to(stored: torch.Tensor, query: torch.Tensor) -> torch.Tensor:
    """||stored[i] - query|| for each row: (n, d) - (d,) broadcasts to (n, d)."""
    return torch.linalg.vector_norm(stored - query, dim=1)  # (n,)


# --8<-- [end:distance]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x, y = torch.tensor([1.0, 3.0]), torch.tensor([4.0, 2.0])
    d_xy = distance(x, y)
    print(f"d(x, y) = ||{(x - y).tolist()}|| = {d_xy.item():.4f}")
    print(f"d(y, x) = {distance(y, x).item():.4f}")
    stored = torch.tensor([[0.0, 0.0], [4.0, 2.0], [2.0, 5.0], [-1.0, 4.0], [2.0, 4.0]])
    query = torch.tensor([1.0, 3.0])
    by_hand = distances_to(stored, query)
    library = torch.cdist(stored, query[None, :]).squeeze(1)  # (n, 1) -> (n,)
    same = torch.allclose(by_hand, library)
    nearest = int(by_hand.argmin())  # argmin: the smallest distance
    print(f"distances from {query.tolist()}: {by_hand}")
    print(f"torch.cdist agrees: {same}; nearest: row {nearest}, {stored[nearest].tolist()}")
    return Result(
        distance_xy=d_xy.item(),
        distances=by_hand.tolist(),
        matches_cdist=same,
        nearest=nearest,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
