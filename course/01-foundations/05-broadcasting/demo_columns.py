"""Demo 2: a matrix multiplied by a column vector, one factor per row."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

from demo_rows import OBSERVATIONS


@dataclass(frozen=True)
class Config:
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    weights: list[float]  # one weight per row (observation)
    weighted: list[list[float]]  # X * w.unsqueeze(1)
    matches_loop: bool
    flat_error: str  # X * w with w of shape (4,)
    square_scaled_columns: bool  # for a 3 x 3 matrix, X * w ran and scaled the columns


# --8<-- [start:columns]
def scale_rows(x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    """result[i, j] = w[i] * x[i, j]: shapes (m, n) and (m, 1) -> (m, n)."""
    column = w.unsqueeze(1)  # (m,) -> (m, 1): one row per weight, one column
    return x * column


def flat_weights(x: torch.Tensor, w: torch.Tensor) -> str:
    try:
        result = x * w  # (4, 3) * (4,) -> (4, 3) * (1, 4): 3 meets 4
    except RuntimeError as error:
        print(f"{tuple(x.shape)} * {tuple(w.shape)} -> RuntimeError: {error}")
        return str(error)
    return f"no error, result of shape {tuple(result.shape)}"


def square_trap(x: torch.Tensor, w: torch.Tensor) -> bool:
    """With as many rows as columns, the flat vector broadcasts as a row: no error."""
    square, weights = x[:3], w[:3]  # (3, 3) and (3,)
    wrong, right = square * weights, scale_rows(square, weights)
    print(f"(3, 3) * (3,) runs and scales the columns:\n{wrong}\nrows were wanted:\n{right}")
    return torch.equal(wrong, square * weights.unsqueeze(0))


# --8<-- [end:columns]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x = torch.tensor(OBSERVATIONS)
    w = torch.tensor([1.0, 0.5, 0.0, 2.0])  # one weight per observation
    weighted = scale_rows(x, w)
    loop = torch.stack([w[i] * x[i] for i in range(x.shape[0])])
    same = torch.equal(weighted, loop)
    print(f"{tuple(x.shape)} * {tuple(w.unsqueeze(1).shape)} -> {tuple(weighted.shape)}")
    print(f"{weighted}\nthe loop over rows agrees: {same}")
    message = flat_weights(x, w)
    trap = square_trap(x, w)
    return Result(
        weights=w.tolist(),
        weighted=weighted.tolist(),
        matches_loop=same,
        flat_error=message,
        square_scaled_columns=trap,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
