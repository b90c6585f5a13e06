"""Demo 4: a matrix combined with a row vector and with a column vector by broadcasting."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

from demo_construct import X_ROWS


@dataclass(frozen=True)
class Config:
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    plus_row: list[list[float]]  # X + v, v of shape (4,)
    plus_column: list[list[float]]  # X + c, c of shape (3, 1)
    matches_repeated: bool  # both agree exactly with the vector repeated by hand
    column_means: list[float]  # X.mean(dim=0): one mean per column, shape (4,)
    centred: list[list[float]]  # X - X.mean(dim=0)
    mismatch_error: str  # X + a vector of shape (3,)


def shapes(*tensors: torch.Tensor) -> str:
    return " + ".join(str(tuple(t.shape)) for t in tensors)


# --8<-- [start:broadcast]
def with_row(x: torch.Tensor, v: torch.Tensor) -> bool:
    """(X + v)[i, j] = X[i, j] + v[j]: shapes (m, n) and (n,) -> (1, n) -> (m, n)."""
    repeated = v.unsqueeze(0).repeat(x.shape[0], 1)  # m copies of v as rows, (m, n)
    result = x + v
    print(f"{shapes(x, v)} -> {tuple(result.shape)}\n{result}")
    return torch.equal(result, x + repeated)


def with_column(x: torch.Tensor, c: torch.Tensor) -> bool:
    """(X + c)[i, j] = X[i, j] + c[i, 0]: shapes (m, n) and (m, 1) -> (m, n)."""
    repeated = c.repeat(1, x.shape[1])  # n copies of c as columns, (m, n)
    result = x + c
    print(f"{shapes(x, c)} -> {tuple(result.shape)}\n{result}")
    return torch.equal(result, x + repeated)


def with_wrong_vector(x: torch.Tensor, c: torch.Tensor) -> str:
    try:
        result = x + c  # (3, 4) and (3,): aligned from the right, 4 meets 3
    except RuntimeError as error:
        print(f"{shapes(x, c)} -> RuntimeError: {error}")
        return str(error)
    return f"no error, result of shape {tuple(result.shape)}"


# --8<-- [end:broadcast]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x = torch.tensor(X_ROWS)
    v = torch.tensor([10.0, 20.0, 30.0, 40.0])  # one number per column
    c = torch.tensor([[100.0], [200.0], [300.0]])  # one number per row, as a column
    row_ok, column_ok = with_row(x, v), with_column(x, c)
    print(f"same as repeating the vector by hand: {row_ok and column_ok}")
    message = with_wrong_vector(x, c.flatten())
    # --8<-- [start:centre]
    means = x.mean(dim=0)  # average over the rows: one mean per column, shape (4,)
    centred = x - means  # (3, 4) - (4,): every row minus the same means
    # --8<-- [end:centre]
    print(f"column means {means.tolist()}; X - means =\n{centred}")
    return Result(
        plus_row=(x + v).tolist(),
        plus_column=(x + c).tolist(),
        matches_repeated=row_ok and column_ok,
        column_means=means.tolist(),
        centred=centred.tolist(),
        mismatch_error=message,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
