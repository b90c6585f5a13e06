"""Demo 1: gradient descent on f(x) = x^2 with Python floats, against the closed form."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import tyro


@dataclass(frozen=True)
class Config:
    x0: float = 5.0  # the starting point
    alpha: float = 0.1  # the step size
    steps: int = 30
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    iterates: list[float]  # x_0, x_1, ..., x_steps
    factor: float  # 1 - 2 alpha: each step multiplies x by it
    matches_closed_form: bool


# --8<-- [start:descent]
def derivative(x: float) -> float:
    """f(x) = x^2 has slope f'(x) = 2x."""
    return 2.0 * x


def descend(x0: float, alpha: float, steps: int) -> list[float]:
    """x_{k+1} = x_k - alpha f'(x_k); returns [x_0, x_1, ..., x_steps]."""
    iterates = [x0]
    x = x0
    for _ in range(steps):
        x = x - alpha * derivative(x)
        iterates.append(x)
    return iterates


# --8<-- [end:descent]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    iterates = descend(cfg.x0, cfg.alpha, cfg.steps)
    factor = 1.0 - 2.0 * cfg.alpha
    print(" k        x_k     f(x_k)   (1 - 2 alpha)^k x_0")
    for k, x in enumerate(iterates):
        if k <= 4 or k % 10 == 0:
            print(f"{k:2d} {x:10.6f} {x * x:10.6f} {factor**k * cfg.x0:10.6f}")
    matches = all(
        math.isclose(x, factor**k * cfg.x0, rel_tol=1e-9, abs_tol=1e-12)
        for k, x in enumerate(iterates)
    )
    print(f"every x_k equals (1 - 2 alpha)^k x_0: {matches}")
    return Result(iterates=iterates, factor=factor, matches_closed_form=matches)


if __name__ == "__main__":
    main(tyro.cli(Config))
