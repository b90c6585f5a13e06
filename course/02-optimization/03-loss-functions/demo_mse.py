"""Demo 1: mean squared error written by hand, against PyTorch's F.mse_loss and nn.MSELoss."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F
import tyro
from torch import nn

from data import line_data


@dataclass(frozen=True)
class Config:
    n: int = 8  # data points
    noise: float = 0.3  # standard deviation of the noise on y
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    by_hand: float
    functional: float  # F.mse_loss
    module: float  # nn.MSELoss()
    agree: bool
    broadcast_shape: list[int]  # the shape of (pred - target) when pred is (n, 1)
    broadcast_ratio: float  # the mean square of that, divided by the true MSE


# --8<-- [start:mse]
def mse(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """(1/n) sum_i (pred_i - target_i)^2 for pred and target of the same shape (n,)."""
    return ((pred - target) ** 2).mean()


# --8<-- [end:mse]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x, y = line_data(cfg.n, cfg.noise, cfg.seed)
    # --8<-- [start:compare]
    pred = 1.5 * x + 0.5  # an imperfect line w = 1.5, b = 0.5; shape (n,)
    by_hand = mse(pred, y)
    functional = F.mse_loss(pred, y)  # reduction="mean" by default
    module = nn.MSELoss()(pred, y)
    agree = torch.allclose(by_hand, functional) and torch.allclose(by_hand, module)
    column = pred.unsqueeze(1)  # shape (n, 1), as a model with one output returns it
    broadcast = column - y  # (n, 1) - (n,) broadcasts to (n, n): every pred against every y
    # --8<-- [end:compare]
    print(f"MSE by hand {by_hand:.6f}, F.mse_loss {functional:.6f}, nn.MSELoss {module:.6f}")
    print(f"all three agree: {agree}")
    print(
        f"(n, 1) - (n,) has shape {tuple(broadcast.shape)}; its mean square is "
        f"{(broadcast**2).mean():.6f}, not {by_hand:.6f}"
    )
    return Result(
        by_hand=by_hand.item(),
        functional=functional.item(),
        module=module.item(),
        agree=agree,
        broadcast_shape=list(broadcast.shape),
        broadcast_ratio=((broadcast**2).mean() / by_hand).item(),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
