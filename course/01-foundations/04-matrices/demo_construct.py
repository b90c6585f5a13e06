"""Demo 1: matrices built from lists, from a shape, from a range and from rows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

# The post's running example: 3 observations (rows) of 4 numbers each (columns).
X_ROWS = [[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0]]


@dataclass(frozen=True)
class Config:
    seed: int = 0  # for the random matrix
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    shapes: dict[str, list[int]]  # each construction's shape, by its expression
    entry_2_3: float  # X[2, 3]
    row_1: list[float]  # X[1]
    column_2: list[float]  # X[:, 2]
    strides: list[int]  # X.stride(): how far apart entries are in memory, per dimension
    stack_matches: bool  # torch.stack of the rows gives X


# --8<-- [start:construct]
def constructions(seed: int) -> dict[str, torch.Tensor]:
    generator = torch.Generator().manual_seed(seed)
    rows = [torch.tensor(row) for row in X_ROWS]  # three vectors of shape (4,)
    return {
        "torch.tensor(X_ROWS)": torch.tensor(X_ROWS),  # from nested lists, row by row
        "torch.arange(1.0, 13.0).reshape(3, 4)": torch.arange(1.0, 13.0).reshape(3, 4),
        "torch.stack(rows)": torch.stack(rows),  # the rows become dimension 0
        "torch.zeros(2, 3)": torch.zeros(2, 3),
        "torch.full((2, 3), 7.0)": torch.full((2, 3), 7.0),
        "torch.eye(3)": torch.eye(3),  # the identity: ones on the diagonal i = j
        "torch.rand(2, 3)": torch.rand(2, 3, generator=generator),  # uniform in [0, 1)
    }


def parts(x: torch.Tensor) -> None:
    print(f"X[2, 3] = {x[2, 3].item()}: row 2, column 3")
    print(f"X[1]    = {x[1].tolist()}: row 1, shape {tuple(x[1].shape)}")
    print(f"X[:, 2] = {x[:, 2].tolist()}: column 2, shape {tuple(x[:, 2].shape)}")
    print(f"X.stride() = {x.stride()}: next row 4 places on, next column 1 place on")


# --8<-- [end:construct]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    built = constructions(cfg.seed)
    for expression, t in built.items():
        print(f"{expression:38} -> shape {tuple(t.shape)}")
    x = built["torch.tensor(X_ROWS)"]
    print(f"X =\n{x}\ntorch.eye(3) =\n{built['torch.eye(3)']}")
    parts(x)
    stack_matches = torch.equal(built["torch.stack(rows)"], x)
    same_as_range = torch.equal(built["torch.arange(1.0, 13.0).reshape(3, 4)"], x)
    print(f"stack and arange give X again: {stack_matches and same_as_range}")
    return Result(
        shapes={expression: list(t.shape) for expression, t in built.items()},
        entry_2_3=x[2, 3].item(),
        row_1=x[1].tolist(),
        column_2=x[:, 2].tolist(),
        strides=list(x.stride()),
        stack_matches=stack_matches and same_as_range,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
