"""Demo 1: vector addition, one entry at a time and with `+`, and the rules it obeys."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

from rlcourse.seeding import seed_everything

A = (1.0, 2.0)  # the post's running example: two vectors of the plane
B = (3.0, -1.0)


@dataclass(frozen=True)
class Config:
    random_length: int = 1000  # length of the random vectors the loop is also checked on
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    total: list[float]  # a + b
    difference: list[float]  # a - b
    loop_matches: bool  # on a and b, and on the random vectors
    commutes: bool  # a + b == b + a, exactly
    zero_is_neutral: bool  # a + 0 == a


# --8<-- [start:add]
def add_by_hand(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """(a + b)_i = a_i + b_i for i = 0, ..., n-1."""
    if a.shape != b.shape:
        raise ValueError(f"vectors of shapes {tuple(a.shape)} and {tuple(b.shape)}")
    total = torch.empty_like(a)
    for i in range(a.shape[0]):
        total[i] = a[i] + b[i]
    return total


def compare(a: torch.Tensor, b: torch.Tensor) -> bool:
    by_hand, with_torch = add_by_hand(a, b), a + b
    same = torch.equal(by_hand, with_torch)  # exact: each entry is one rounded addition
    print(f"n = {a.shape[0]}: by hand and a + b identical: {same}")
    return same


# --8<-- [end:add]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    seed_everything(cfg.seed)
    a, b = torch.tensor(A), torch.tensor(B)
    print(f"a = {a.tolist()}, b = {b.tolist()}")
    print(f"a + b = {(a + b).tolist()}, a - b = {(a - b).tolist()}")
    small = compare(a, b)
    large = compare(torch.randn(cfg.random_length), torch.randn(cfg.random_length))
    commutes = torch.equal(a + b, b + a)
    zero_is_neutral = torch.equal(a + torch.zeros(2), a)
    print(f"a + b == b + a: {commutes}; a + 0 == a: {zero_is_neutral}")
    return Result(
        total=(a + b).tolist(),
        difference=(a - b).tolist(),
        loop_matches=small and large,
        commutes=commutes,
        zero_is_neutral=zero_is_neutral,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
