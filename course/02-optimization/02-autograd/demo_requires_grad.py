"""Demo 1: one tensor marked requires_grad=True, one function of it, one backward() call."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro


@dataclass(frozen=True)
class Config:
    x: float = 3.0  # where we differentiate f(x) = x^2 + 2x
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    value: float  # f(x)
    autograd: float  # x.grad after backward()
    by_hand: float  # f'(x) = 2x + 2


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    # --8<-- [start:grad]
    x = torch.tensor(cfg.x, dtype=torch.float64, requires_grad=True)  # a leaf: we made it
    y = x**2 + 2 * x  # recorded: y remembers how it was computed (y.grad_fn)
    print(f"y = {y!r}")
    print(f"x.is_leaf = {x.is_leaf}, y.is_leaf = {y.is_leaf}, x.grad before = {x.grad}")
    y.backward()  # dy/dx, by the chain rule through the recorded operations
    assert x.grad is not None
    print(f"x.grad after backward() = {x.grad.item()}, by hand 2x + 2 = {2 * cfg.x + 2}")
    # --8<-- [end:grad]
    return Result(value=y.item(), autograd=x.grad.item(), by_hand=2 * cfg.x + 2)


if __name__ == "__main__":
    main(tyro.cli(Config))
