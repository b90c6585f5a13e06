"""Demo 1 of Part 3.3: Part 3.2's network as an nn.Module, its registered parameters, and
its output next to the matrix formula of Part 3.2 computed from the same weights."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

from circle_net import TwoLayerNet


@dataclass(frozen=True)
class Config:
    hidden: int = 8  # hidden units H, as in Part 3.2
    batch: int = 4
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    parameter_count: int
    largest_difference: float  # module's logits against Part 3.2's formula
    logits_shape: list[int]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(cfg.seed)  # nn.Linear draws its initial weights from torch's global generator
    # --8<-- [start:module]
    model = TwoLayerNet(cfg.hidden)
    print(model)
    for name, parameter in model.named_parameters():
        print(f"{name}: shape {tuple(parameter.shape)}")
    count = sum(parameter.numel() for parameter in model.parameters())
    print(f"{count} numbers in all")
    x = torch.rand(cfg.batch, 2) * 4 - 2  # a batch of B points, (B, 2)
    z = model(x)  # calls forward(x): (B, 2) -> (B, 1)
    # Part 3.2's formula with W1 = hidden.weight^T (w1 here): nn.Linear stores (out, in).
    w1, b1 = model.hidden.weight.T, model.hidden.bias
    w2, b2 = model.output.weight.T, model.output.bias
    by_formula = torch.tanh(x @ w1 + b1) @ w2 + b2
    difference = (z - by_formula).abs().max().item()
    print(f"logits {tuple(z.shape)}, largest difference from the formula: {difference:.1e}")
    # --8<-- [end:module]
    return Result(parameter_count=count, largest_difference=difference, logits_shape=list(z.shape))


if __name__ == "__main__":
    main(tyro.cli(Config))
