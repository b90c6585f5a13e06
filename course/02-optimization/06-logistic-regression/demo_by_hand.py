"""Demo 2: why the loss is computed from logits (the naive log(sigmoid(z)) gives inf),
then logistic regression trained by hand with the gradient of the log-likelihood."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

from clouds import CENTRE, STD, bce_with_logits, gradient_step, make_clouds


@dataclass(frozen=True)
class Config:
    n_per_class: int = 100
    lr: float = 0.5  # step size of gradient descent
    steps: int = 500
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"  # the runner's; this demo saves no figure


@dataclass(frozen=True)
class Result:
    naive_is_inf: bool  # log(sigmoid(z)) underflows to log(0)
    stable_loss: float
    first_loss: float
    final_loss: float
    w: list[float]
    b: float


# --8<-- [start:naive]
def naive_bce(logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The formula as written: p = sigmoid(z), then log p and log(1 - p)."""
    p = torch.sigmoid(logits)
    return -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean()


# --8<-- [end:naive]


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    logits, labels = torch.tensor([-120.0, 3.0, 40.0]), torch.tensor([1.0, 1.0, 0.0])
    naive, stable = naive_bce(logits, labels), bce_with_logits(logits, labels)
    print(f"sigmoid(z) = {torch.sigmoid(logits).tolist()}")
    print(f"naive log(sigmoid(z)) loss: {naive.item()}, logsigmoid loss: {stable.item():.4f}")

    x, y = make_clouds(cfg.n_per_class, CENTRE, STD, cfg.seed)
    w, b = torch.zeros(2), torch.zeros(())  # start at p = 0.5 for every point
    losses = []
    for _ in range(cfg.steps):
        losses.append(bce_with_logits(x @ w + b, y).item())  # the loss before the step
        w, b = gradient_step(x, y, w, b, cfg.lr)
    print(f"loss {losses[0]:.4f} at the start (log 2), {losses[-1]:.4f} after {cfg.steps} steps")
    print(f"w = ({w[0]:.4f}, {w[1]:.4f}), b = {b:.4f}")
    naive_is_inf = bool(torch.isinf(naive))
    return Result(naive_is_inf, stable.item(), losses[0], losses[-1], w.tolist(), b.item())


# --8<-- [end:main]


if __name__ == "__main__":
    main(tyro.cli(Config))
