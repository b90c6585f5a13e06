"""Demo 3: elementwise addition and multiplication of two matrices of the same shape."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

from demo_construct import X_ROWS

# 1 where the entry counts, 0 where it does not: multiplying by it keeps or zeroes entries.
MASK_ROWS = [[1.0, 0.0, 1.0, 0.0], [1.0, 1.0, 0.0, 0.0], [0.0, 0.0, 0.0, 1.0]]


@dataclass(frozen=True)
class Config:
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    total: list[list[float]]  # X + M
    product: list[list[float]]  # X * M, entry by entry
    by_hand_matches: bool  # loops and torch agree exactly, for + and *
    mismatch_error: str  # X + X.T, shapes (3, 4) and (4, 3)


# --8<-- [start:elementwise]
def elementwise_by_hand(a: torch.Tensor, b: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(A + B)[i, j] = A[i, j] + B[i, j] and (A * B)[i, j] = A[i, j] * B[i, j]."""
    total, product = torch.empty_like(a), torch.empty_like(a)
    m, n = a.shape
    for i in range(m):
        for j in range(n):
            total[i, j] = a[i, j] + b[i, j]
            product[i, j] = a[i, j] * b[i, j]
    return total, product


def compare(a: torch.Tensor, b: torch.Tensor) -> bool:
    total, product = elementwise_by_hand(a, b)
    same = torch.equal(total, a + b) and torch.equal(product, a * b)
    print(f"X + M =\n{a + b}\nX * M =\n{a * b}\nloops and torch identical: {same}")
    return same


# --8<-- [end:elementwise]


def mismatched(x: torch.Tensor) -> str:
    try:
        total = x + x.T  # shapes (3, 4) and (4, 3): entry (0, 3) of X has no partner
    except RuntimeError as error:
        print(f"X + X.T -> RuntimeError: {error}")
        return str(error)
    return f"no error, result of shape {tuple(total.shape)}"


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x, mask = torch.tensor(X_ROWS), torch.tensor(MASK_ROWS)
    same = compare(x, mask)
    message = mismatched(x)
    return Result(
        total=(x + mask).tolist(),
        product=(x * mask).tolist(),
        by_hand_matches=same,
        mismatch_error=message,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
