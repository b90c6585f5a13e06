"""Demo 2: multiplying a vector by a scalar, by hand and by broadcasting the scalar."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

from demo_addition import A


@dataclass(frozen=True)
class Config:
    scalars: tuple[float, ...] = (2.0, -1.0, 0.5, 0.0)  # the c of c * a
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    scaled: dict[str, list[float]]  # c * a for each c, by its printed name
    all_ways_agree: bool  # the loop, c * a and the explicit full vector, exactly
    int_times_half_dtype: str  # the dtype of an int64 vector times 0.5


# --8<-- [start:scale]
def scale_by_hand(c: float, x: torch.Tensor) -> torch.Tensor:
    """(c x)_i = c * x_i for every i."""
    scaled = torch.empty_like(x)
    for i in range(x.shape[0]):
        scaled[i] = c * x[i]
    return scaled


def scale_three_ways(c: float, x: torch.Tensor) -> bool:
    by_hand = scale_by_hand(c, x)
    broadcast = c * x  # the scalar meets every entry: broadcasting, Part 1.5
    explicit = torch.full_like(x, c) * x  # what broadcasting spares us: (c, ..., c) * x
    same = torch.equal(by_hand, broadcast) and torch.equal(broadcast, explicit)
    print(f"{c:>4} * a = {broadcast.tolist()}   three ways identical: {same}")
    return same


# --8<-- [end:scale]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    a = torch.tensor(A)
    agree = all(scale_three_ways(c, a) for c in cfg.scalars)
    scaled = {f"{c} * a": (c * a).tolist() for c in cfg.scalars}
    # --8<-- [start:promote]
    counts = torch.tensor([1, 2, 3])  # int64
    half = 0.5 * counts  # an int64 vector times a float: the result is float32
    print(f"0.5 * {counts.tolist()} = {half.tolist()}, dtype {half.dtype}")
    # --8<-- [end:promote]
    return Result(scaled=scaled, all_ways_agree=agree, int_times_half_dtype=str(half.dtype))


if __name__ == "__main__":
    main(tyro.cli(Config))
