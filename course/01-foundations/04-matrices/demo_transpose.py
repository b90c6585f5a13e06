"""Demo 2: the transpose by hand and with PyTorch, and why it copies no numbers."""

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
    transpose: list[list[float]]
    by_hand_matches: bool  # the loop and X.T agree exactly
    twice_is_identity: bool  # (X^T)^T == X
    shares_memory: bool  # X.T reads the memory of X
    strides: list[int]  # X.stride()
    transpose_strides: list[int]  # X.T.stride()
    transpose_contiguous: bool
    view_error: str  # what X.T.view(12) raises
    reshape_of_transpose: list[float]  # X.T.reshape(12): the columns of X, one after another


# --8<-- [start:by_hand]
def transpose_by_hand(a: torch.Tensor) -> torch.Tensor:
    """(A^T)[j, i] = A[i, j]: row i of A becomes column i of A^T, shape (n, m)."""
    m, n = a.shape
    t = torch.empty(n, m, dtype=a.dtype)
    for i in range(m):
        for j in range(n):
            t[j, i] = a[i, j]
    return t


# --8<-- [end:by_hand]


# --8<-- [start:memory]
def inspect_memory(x: torch.Tensor) -> tuple[bool, str, torch.Tensor]:
    xt = x.T
    shared = xt.data_ptr() == x.data_ptr()  # the same first number in memory
    print(f"X.stride() = {x.stride()}, X.T.stride() = {xt.stride()}, shared memory: {shared}")
    print(f"X.is_contiguous() = {x.is_contiguous()}, X.T.is_contiguous() = {xt.is_contiguous()}")
    try:
        xt.view(12)  # view never copies: it needs entries that are already in order
    except RuntimeError as error:
        message = str(error)
        print(f"X.T.view(12) -> RuntimeError: {message}")
    else:
        message = "no error"
    flat = xt.reshape(12)  # reshape copies when it must
    print(f"X.T.reshape(12) = {flat.tolist()}")
    return shared, message, flat


# --8<-- [end:memory]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x = torch.tensor(X_ROWS)
    xt = x.T
    print(f"X, shape {tuple(x.shape)}:\n{x}\nX.T, shape {tuple(xt.shape)}:\n{xt}")
    by_hand = torch.equal(transpose_by_hand(x), xt)
    twice = torch.equal(xt.T, x)
    print(f"by hand == X.T: {by_hand}; (X.T).T == X: {twice}")
    shared, message, flat = inspect_memory(x)
    return Result(
        transpose=xt.tolist(),
        by_hand_matches=by_hand,
        twice_is_identity=twice,
        shares_memory=shared,
        strides=list(x.stride()),
        transpose_strides=list(xt.stride()),
        transpose_contiguous=xt.is_contiguous(),
        view_error=message,
        reshape_of_transpose=flat.tolist(),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
