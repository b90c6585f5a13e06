"""Demo 1 of Part 3.4: each activation function and its derivative, the derivative
computed by autograd and checked against the formula."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro

from activations import ACTIVATIONS, DERIVATIVES


@dataclass(frozen=True)
class Config:
    low: float = -5.0
    high: float = 5.0
    points: int = 1001  # includes a = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    largest_difference: dict[str, float]  # autograd's derivative against the formula
    largest_derivative: dict[str, float]  # the steepest slope on [low, high]
    all_close: bool


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    a = torch.linspace(cfg.low, cfg.high, cfg.points, dtype=torch.float64)
    values: dict[str, torch.Tensor] = {}
    slopes: dict[str, torch.Tensor] = {}
    differences: dict[str, float] = {}
    # --8<-- [start:autograd]
    for name, activation in ACTIVATIONS.items():
        inputs = a.clone().requires_grad_(True)
        outputs = activation()(inputs)  # elementwise: output i depends on input i only
        # The gradient of the sum is the vector of the derivatives, one per point.
        (slope,) = torch.autograd.grad(outputs.sum(), inputs)
        formula = DERIVATIVES[name](a)
        differences[name] = (slope - formula).abs().max().item()
        values[name], slopes[name] = outputs.detach(), slope
        print(
            f"{name:9s} largest derivative {slope.max().item():.4f}, "
            f"autograd vs formula: largest difference {differences[name]:.1e}"
        )
    # --8<-- [end:autograd]
    all_close = all(
        torch.allclose(slopes[name], DERIVATIVES[name](a), atol=1e-12) for name in ACTIVATIONS
    )
    print(f"every derivative equals its formula (torch.allclose): {all_close}")
    plot(a, values, slopes, cfg.out_dir / "activations.png")
    return Result(
        largest_difference=differences,
        largest_derivative={name: slope.max().item() for name, slope in slopes.items()},
        all_close=all_close,
    )


def plot(
    a: torch.Tensor, values: dict[str, torch.Tensor], slopes: dict[str, torch.Tensor], path: Path
) -> None:
    fig, (left, right) = plt.subplots(1, 2, figsize=(10.5, 4.2))
    for name in values:
        # ReLU drawn wide and pale, so that LeakyReLU stays visible on top of it.
        style = {"linewidth": 4, "alpha": 0.45} if name == "ReLU" else {"linewidth": 1.6}
        left.plot(a, values[name], label=name, **style)
        right.plot(a, slopes[name], label=name, **style)
    left.set(
        xlabel="input a", ylabel="activation φ(a)", title="Activation functions", ylim=(-1.5, 3)
    )
    right.set(xlabel="input a", ylabel="derivative φ'(a), from autograd", title="Their derivatives")
    for ax in (left, right):
        ax.axhline(0, color="grey", linewidth=0.5)
        ax.grid(alpha=0.3)
        ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
