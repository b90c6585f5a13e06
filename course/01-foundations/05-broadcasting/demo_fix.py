"""Demo 3: two broadcasting bugs, one that raises and one that does not, and their fixes."""

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
    error_message: str  # what PyTorch says about x / x.sum(dim=1)
    fixed_row_sums: list[float]  # each row of the fixed version sums to 1
    silent_shape: list[int]  # the shape of q - targets with q of shape (4, 1)
    silent_loss: float  # the mean of that (4, 4) table of squared differences
    fixed_loss: float  # the mean over the 4 matching pairs


# --8<-- [start:loud]
def normalise_rows_broken(x: torch.Tensor) -> torch.Tensor:
    return x / x.sum(dim=1)  # (4, 3) / (4,): PyTorch lines up 3 with 4


def normalise_rows(x: torch.Tensor) -> torch.Tensor:
    return x / x.sum(dim=1, keepdim=True)  # (4, 3) / (4, 1): one sum per row


# --8<-- [end:loud]


# --8<-- [start:silent]
def squared_error_broken(q: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    return ((q - targets) ** 2).mean()  # (4, 1) - (4,) -> (4, 4): every q with every target


def squared_error(q: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    return ((q.squeeze(1) - targets) ** 2).mean()  # (4,) - (4,): pair i with i


# --8<-- [end:silent]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x = torch.tensor(OBSERVATIONS)
    try:
        normalise_rows_broken(x)
        message = "no error"
    except RuntimeError as error:
        message = str(error)
        print(f"x / x.sum(dim=1) -> RuntimeError: {message}")
    fixed = normalise_rows(x)
    print(f"x / x.sum(dim=1, keepdim=True): row sums {fixed.sum(dim=1)}")

    q = torch.tensor([[1.0], [2.0], [3.0], [4.0]])  # a network's output: shape (4, 1)
    targets = torch.tensor([1.0, 2.0, 3.0, 5.0])  # shape (4,)
    print(f"q {tuple(q.shape)} - targets {tuple(targets.shape)} -> {tuple((q - targets).shape)}")
    silent, right = squared_error_broken(q, targets), squared_error(q, targets)
    print(f"broken loss {silent.item():.4f} (no error), fixed loss {right.item():.4f}")
    return Result(
        error_message=message,
        fixed_row_sums=fixed.sum(dim=1).tolist(),
        silent_shape=list((q - targets).shape),
        silent_loss=silent.item(),
        fixed_loss=right.item(),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
