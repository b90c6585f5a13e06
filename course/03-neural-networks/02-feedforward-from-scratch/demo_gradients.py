"""Demo 3 of Part 3.2: every parameter's gradient by hand, compared with autograd's by
torch.allclose, in float32 and in float64."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

from network import Params, autograd_gradients, backward, init_params, ring_data


@dataclass(frozen=True)
class Config:
    points: int = 400
    hidden: int = 8
    seeds: int = 5  # random networks and batches compared
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    all_close: bool  # torch.allclose for every parameter, seed and dtype
    largest_difference_float32: float  # max |by hand - autograd| over parameters and seeds
    largest_difference_float64: float


# --8<-- [start:compare]
def compare(params: Params, x: torch.Tensor, y: torch.Tensor, show: bool) -> tuple[bool, float]:
    by_hand = backward(params, x, y)
    by_autograd = autograd_gradients(params, x, y)
    same, largest = True, 0.0
    for name in params:  # W1, b1, W2, b2: every parameter, none left out
        close = torch.allclose(by_hand[name], by_autograd[name], rtol=1e-5, atol=1e-7)
        difference = (by_hand[name] - by_autograd[name]).abs().max().item()
        if show:
            print(
                f"  {name} {tuple(params[name].shape)}: allclose {close}, "
                f"max |diff| {difference:.1e}"
            )
        same, largest = same and close, max(largest, difference)
    return same, largest


# --8<-- [end:compare]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    same, largest = True, {torch.float32: 0.0, torch.float64: 0.0}
    for seed in range(cfg.seeds):
        generator = torch.Generator().manual_seed(seed)
        x, y = ring_data(cfg.points, generator)
        params = init_params(cfg.hidden, generator)
        for dtype in (torch.float32, torch.float64):
            converted = {name: p.to(dtype) for name, p in params.items()}
            if seed == 0:  # print the details once; the other seeds add to the totals
                print(f"seed 0, {dtype}:")
            ok, difference = compare(converted, x.to(dtype), y.to(dtype), show=seed == 0)
            same = same and ok
            largest[dtype] = max(largest[dtype], difference)
    print(
        f"{cfg.seeds} seeds: every gradient allclose: {same}; largest |diff| "
        f"{largest[torch.float32]:.1e} in float32, {largest[torch.float64]:.1e} in float64"
    )
    return Result(
        all_close=same,
        largest_difference_float32=largest[torch.float32],
        largest_difference_float64=largest[torch.float64],
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
