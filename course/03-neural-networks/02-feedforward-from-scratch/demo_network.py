"""Demo 1 of Part 3.2: the two-layer network's parameters and the shape of every tensor
in a forward pass on a batch of four points."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

from network import forward, init_params


@dataclass(frozen=True)
class Config:
    hidden: int = 8  # hidden units H
    batch: int = 4
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    parameter_count: int
    logits_shape: list[int]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    generator = torch.Generator().manual_seed(cfg.seed)
    # --8<-- [start:shapes]
    params = init_params(cfg.hidden, generator)
    for name, p in params.items():
        print(f"{name}: shape {tuple(p.shape)}")
    count = sum(p.numel() for p in params.values())
    print(f"{count} numbers in all: 2H + H + H + 1 with H = {cfg.hidden}")
    x = torch.rand(cfg.batch, 2, generator=generator) * 4 - 2  # a batch of B points
    a = x @ params["W1"] + params["b1"]  # (B, 2) @ (2, H) + (H,) -> (B, H)
    z, h = forward(params, x)
    print(f"x {tuple(x.shape)} -> a {tuple(a.shape)} -> h {tuple(h.shape)} -> z {tuple(z.shape)}")
    print(f"logits z:\n{z}")
    # --8<-- [end:shapes]
    return Result(parameter_count=count, logits_shape=list(z.shape))


if __name__ == "__main__":
    main(tyro.cli(Config))
