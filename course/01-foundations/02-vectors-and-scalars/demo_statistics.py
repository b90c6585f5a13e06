"""Demo 3: sum, mean and standard deviation of the returns, by hand and with PyTorch."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import tyro

from demo_shapes import RETURNS


@dataclass(frozen=True)
class Config:
    returns: tuple[float, ...] = tuple(RETURNS)  # one return per episode
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    n: int
    total: float
    mean: float
    squared_deviations: float  # the sum of (x_i - mean)^2
    population_std: float  # divides by n
    sample_std: float  # divides by n - 1
    torch_matches_hand: bool
    torch_std_default: float
    numpy_std_default: float


# --8<-- [start:by_hand]
def statistics_by_hand(x: list[float]) -> dict[str, float]:
    """Sum, mean and both standard deviations of the Mathematics section, one entry at a time."""
    n = len(x)
    total = 0.0
    for value in x:
        total += value
    mean = total / n
    squared_deviations = 0.0
    for value in x:
        squared_deviations += (value - mean) ** 2
    return {
        "sum": total,
        "mean": mean,
        "squared deviations": squared_deviations,
        "std, divide by n": math.sqrt(squared_deviations / n),
        "std, divide by n - 1": math.sqrt(squared_deviations / (n - 1)),
    }


def statistics_with_torch(g: torch.Tensor) -> dict[str, float]:
    return {
        "sum": g.sum().item(),
        "mean": g.mean().item(),
        "squared deviations": ((g - g.mean()) ** 2).sum().item(),
        "std, divide by n": g.std(correction=0).item(),
        "std, divide by n - 1": g.std(correction=1).item(),  # the default: g.std()
    }


# --8<-- [end:by_hand]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    hand = statistics_by_hand(list(cfg.returns))
    g = torch.tensor(cfg.returns, dtype=torch.float64)
    with_torch = statistics_with_torch(g)
    for name, value in hand.items():
        print(f"{name:22} by hand {value:.6f}   torch {with_torch[name]:.6f}")
    matches = all(math.isclose(hand[k], with_torch[k], rel_tol=1e-12) for k in hand)
    print(f"by hand and torch agree: {matches}")
    # --8<-- [start:defaults]
    torch_default = g.std().item()  # PyTorch divides by n - 1 unless told otherwise
    numpy_default = float(np.std(g.numpy()))  # NumPy divides by n unless told otherwise
    # --8<-- [end:defaults]
    print(f"g.std() = {torch_default:.4f}, np.std(g) = {numpy_default:.4f}")
    return Result(
        n=len(cfg.returns),
        total=hand["sum"],
        mean=hand["mean"],
        squared_deviations=hand["squared deviations"],
        population_std=hand["std, divide by n"],
        sample_std=hand["std, divide by n - 1"],
        torch_matches_hand=matches,
        torch_std_default=torch_default,
        numpy_std_default=numpy_default,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
