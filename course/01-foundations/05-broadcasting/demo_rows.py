"""Demo 1: a row vector added to every row of a matrix, by the broadcasting rule."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

# The post's running example: 4 observations (rows) of 3 features (columns).
OBSERVATIONS = [[2.0, 10.0, 0.5], [4.0, 30.0, 1.5], [6.0, 20.0, 1.0], [8.0, 40.0, 2.0]]


@dataclass(frozen=True)
class Config:
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    offset: list[float]  # the row vector added
    shifted: list[list[float]]  # X + offset
    expanded_strides: list[int]  # offset.expand(4, 3).stride(): 0 means "the same row again"
    matches_loop: bool  # X + offset equals the loop over rows


# --8<-- [start:rows]
def add_row_by_loop(x: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """result[i] = x[i] + v for every row i: the (m, n) + (n,) case, written out."""
    result = torch.empty_like(x)
    for i in range(x.shape[0]):
        result[i] = x[i] + v  # (n,) + (n,): same shapes, no broadcasting needed
    return result


def add_row(x: torch.Tensor, v: torch.Tensor) -> tuple[torch.Tensor, bool]:
    shifted = x + v  # (4, 3) + (3,) -> (4, 3) + (1, 3) -> (4, 3)
    same = torch.equal(shifted, add_row_by_loop(x, v))
    stretched = v.expand(x.shape)  # what broadcasting reads: v as 4 rows, no copy
    print(f"{tuple(x.shape)} + {tuple(v.shape)} -> {tuple(shifted.shape)}\n{shifted}")
    print(f"v.expand(4, 3) has strides {stretched.stride()}; the loop agrees: {same}")
    return shifted, same


# --8<-- [end:rows]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x = torch.tensor(OBSERVATIONS)
    offset = torch.tensor([100.0, -10.0, 0.0])  # one number per feature
    shifted, same = add_row(x, offset)
    return Result(
        offset=offset.tolist(),
        shifted=shifted.tolist(),
        expanded_strides=list(offset.expand(x.shape).stride()),
        matches_loop=same,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
