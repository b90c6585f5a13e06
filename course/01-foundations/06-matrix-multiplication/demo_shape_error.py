"""Demo 4: two shape-mismatch errors of matmul, PyTorch's messages, and how to read them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import torch
import tyro


@dataclass(frozen=True)
class Config:
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    matrix_error: str  # PyTorch's message for (4, 3) @ (2, 3)
    fixed_shape: list[int]  # the shape once the weight matrix is transposed
    vector_error: str  # PyTorch's message for (3, 4) @ (3,)


def error_of(compute: Callable[[], torch.Tensor]) -> str:
    """Run ``compute`` and print the RuntimeError it raises, exactly as PyTorch words it."""
    try:
        result = compute()
    except RuntimeError as error:
        print(f"RuntimeError: {error}")
        return str(error)
    return f"no error: a result of shape {tuple(result.shape)}"


# --8<-- [start:errors]
def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    observations = torch.randn(4, 3, generator=torch.Generator().manual_seed(0))  # (n, d)
    # A layer from 3 inputs to 2 outputs, stored as PyTorch's nn.Linear stores it:
    # (outputs, inputs) = (2, 3), one row of weights per output.
    weights = torch.randn(2, 3, generator=torch.Generator().manual_seed(1))
    matrix_error = error_of(lambda: observations @ weights)  # (4, 3) @ (2, 3): 3 != 2
    fixed = observations @ weights.T  # (4, 3) @ (3, 2) -> (4, 2)
    print(f"observations @ weights.T: shape {tuple(fixed.shape)}")

    # One observation per column instead of one per row: stack's dim=1 gives (3, 4).
    columns = torch.stack(list(observations), dim=1)
    value_weights = torch.tensor([0.5, -1.0, 2.0])  # (d,): one weight per observed number
    vector_error = error_of(lambda: columns @ value_weights)  # (3, 4) @ (3,): 4 != 3
    # --8<-- [end:errors]
    return Result(
        matrix_error=matrix_error, fixed_shape=list(fixed.shape), vector_error=vector_error
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
