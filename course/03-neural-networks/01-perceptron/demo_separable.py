"""Demo 2 of Part 3.1: train the perceptron on separable data from several seeds and put
the number of mistakes next to the bound (R / rho)^2."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

from perceptron import augment, errors, separable_data, train


@dataclass(frozen=True)
class Config:
    seeds: int = 5  # data sets, one per seed 0, 1, ...
    points: int = 100  # points per data set
    margin: float = 0.05  # every augmented point is at least this far from the separator u
    max_epochs: int = 1000
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    bounds: list[float]  # (R / rho)^2 per seed
    mistakes: list[int]  # total updates until an epoch made none, per seed
    epochs: list[int]
    training_errors: list[int]  # errors of the final weights: 0 when separated
    largest_fraction: float  # max over seeds of mistakes / bound


# --8<-- [start:bound]
def radius_and_margin(xs: torch.Tensor, ys: torch.Tensor, u: torch.Tensor) -> tuple[float, float]:
    """R = max |x~_i|, and rho = min y_i u.x~_i for the unit separator u (3,)."""
    radius = torch.linalg.vector_norm(xs, dim=1).max().item()
    margin = (ys * (xs @ u)).min().item()
    return radius, margin


def one_seed(seed: int, cfg: Config) -> tuple[float, int, int, int]:
    generator = torch.Generator().manual_seed(seed)
    points, labels, u = separable_data(cfg.points, cfg.margin, generator)
    xs = augment(points)
    radius, margin = radius_and_margin(xs, labels, u)
    history, mistakes = train(xs, labels, cfg.max_epochs)
    bound = (radius / margin) ** 2
    print(
        f"seed {seed}: R = {radius:.2f}, rho = {margin:.4f}, bound (R/rho)^2 = {bound:,.0f}, "
        f"mistakes {sum(mistakes)} in {len(mistakes)} epochs {mistakes}"
    )
    return bound, sum(mistakes), len(mistakes), errors(history[-1], xs, labels)


# --8<-- [end:bound]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    runs = [one_seed(seed, cfg) for seed in range(cfg.seeds)]
    bounds = [run[0] for run in runs]
    mistakes = [run[1] for run in runs]
    largest = max(m / b for m, b in zip(mistakes, bounds, strict=True))
    print(f"largest mistakes / bound: {largest:.3f}")
    return Result(
        bounds=bounds,
        mistakes=mistakes,
        epochs=[run[2] for run in runs],
        training_errors=[run[3] for run in runs],
        largest_fraction=largest,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
