"""Demo 1: multiply two matrices with `@` and `torch.matmul`; the shape rule; AB != BA."""

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
    ab: list[list[float]]  # A @ B, shape (2, 2)
    matmul_equals_operator: bool  # torch.matmul(A, B) is A @ B, entry for entry
    ba_shape: list[int]  # B @ A exists too, with another shape
    pq: list[list[float]]
    qp: list[list[float]]
    square_products_equal: bool  # whether PQ == QP for the two square matrices
    values: list[float]  # a batch of 4 observations times a weight vector, shape (4,)


def running_example() -> tuple[torch.Tensor, torch.Tensor]:
    a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])  # (2, 3)
    b = torch.tensor([[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]])  # (3, 2)
    return a, b


# --8<-- [start:multiply]
def multiply(a: torch.Tensor, b: torch.Tensor) -> tuple[torch.Tensor, bool]:
    ab = a @ b  # (2, 3) @ (3, 2) -> (2, 2): the inner 3s meet, the outer 2s remain
    same = torch.equal(torch.matmul(a, b), ab)  # `@` is torch.matmul
    print(f"A @ B =\n{ab}\ntorch.matmul(A, B) is the same tensor: {same}")
    ba = b @ a  # (3, 2) @ (2, 3) -> (3, 3)
    print(f"B @ A has shape {tuple(ba.shape)}:\n{ba}")
    return ab, same


def order_matters() -> tuple[torch.Tensor, torch.Tensor]:
    p = torch.tensor([[1.0, 1.0], [0.0, 1.0]])
    q = torch.tensor([[1.0, 0.0], [1.0, 1.0]])
    pq, qp = p @ q, q @ p  # both (2, 2), yet different
    print(f"P @ Q =\n{pq}\nQ @ P =\n{qp}\nequal: {torch.equal(pq, qp)}")
    return pq, qp


def batch_values(observations: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """One dot product per row: (n, d) @ (d,) -> (n,)."""
    return observations @ weights


# --8<-- [end:multiply]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    a, b = running_example()
    ab, same = multiply(a, b)
    pq, qp = order_matters()
    observations = torch.tensor(
        [[1.0, 0.0, 2.0], [0.0, 1.0, 1.0], [3.0, 1.0, 0.0], [1.0, 1.0, 1.0]]
    )  # 4 observations of 3 numbers each
    weights = torch.tensor([0.5, -1.0, 2.0])  # one weight per number
    values = batch_values(observations, weights)
    print(f"observations (4, 3) @ weights (3,) = {values}, shape {tuple(values.shape)}")
    return Result(
        ab=ab.tolist(),
        matmul_equals_operator=same,
        ba_shape=list((b @ a).shape),
        pq=pq.tolist(),
        qp=qp.tolist(),
        square_products_equal=torch.equal(pq, qp),
        values=values.tolist(),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
