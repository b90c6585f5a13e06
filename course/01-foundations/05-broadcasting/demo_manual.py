"""Demo 4: elementwise operations written out with the broadcasting index rule, against
PyTorch's operators, on shapes (3, 1) and (4,)."""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

BinaryOp = Callable[[float, float], float]


@dataclass(frozen=True)
class Config:
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    result_shape: list[int]  # of (3, 1) and (4,)
    agree: dict[str, bool]  # by operator: the loop equals PyTorch's result exactly
    broadcast_shapes: dict[str, str]  # torch.broadcast_shapes for each pair printed


# --8<-- [start:manual]
def source_index(index: int, size: int) -> int:
    """The rule's last step: a dimension of size 1 is read at index 0 for every index."""
    return 0 if size == 1 else index


def apply_by_hand(op: BinaryOp, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """op(a, b) for 2-D a and b whose shapes broadcast, one result entry at a time."""
    rows, columns = torch.broadcast_shapes(a.shape, b.shape)
    result = torch.empty(rows, columns)
    for i in range(rows):
        for j in range(columns):
            x = a[source_index(i, a.shape[0]), source_index(j, a.shape[1])].item()
            y = b[source_index(i, b.shape[0]), source_index(j, b.shape[1])].item()
            result[i, j] = op(x, y)
    return result


# --8<-- [end:manual]


OPERATIONS: dict[str, tuple[BinaryOp, Callable[[torch.Tensor, torch.Tensor], torch.Tensor]]] = {
    "a + b": (operator.add, torch.add),
    "a - b": (operator.sub, torch.sub),
    "a * b": (operator.mul, torch.mul),
    "a / b": (operator.truediv, torch.div),
    "torch.maximum(a, b)": (max, torch.maximum),
}
SHAPE_PAIRS = [((3, 1), (4,)), ((2, 3, 4), (3, 1)), ((5, 1, 4), (2, 1)), ((3, 4), (3,))]


def shape_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for left, right in SHAPE_PAIRS:
        try:
            result = str(tuple(torch.broadcast_shapes(left, right)))
        except RuntimeError as error:
            result = f"RuntimeError: {error}"
        table[f"{left} and {right}"] = result
        print(f"{f'{left} and {right}':22} -> {result}")
    return table


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    a = torch.tensor([[1.0], [2.0], [3.0]])  # a column, shape (3, 1)
    b = torch.tensor([0.5, 1.0, 2.0, 4.0]).unsqueeze(0)  # a row, shape (1, 4)
    agree: dict[str, bool] = {}
    for name, (by_hand_op, torch_op) in OPERATIONS.items():
        agree[name] = torch.equal(apply_by_hand(by_hand_op, a, b), torch_op(a, b))
    print(f"(3, 1) and (4,) -> {tuple(torch.broadcast_shapes(a.shape, (4,)))}")
    print(f"a + b =\n{a + b}")
    print(f"loop equals PyTorch, exactly: {agree}")
    shapes = shape_table()
    return Result(
        result_shape=list(torch.broadcast_shapes(a.shape, (4,))),
        agree=agree,
        broadcast_shapes=shapes,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
