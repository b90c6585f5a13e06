"""Demo 2 of Part 3.2: the forward pass and the loss on a batch of 400 points, checked
against PyTorch's own binary cross-entropy, and why the loss is written with logaddexp."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F
import tyro

from network import bce_loss, forward, init_params, ring_data


@dataclass(frozen=True)
class Config:
    points: int = 400
    hidden: int = 8
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    loss: float  # our loss at the random initial parameters
    torch_loss: float  # F.binary_cross_entropy_with_logits on the same logits
    log_two: float  # the loss of predicting p = 1/2 everywhere
    naive_is_finite: bool  # -log(1 - sigmoid(z)) at z = 100 in float32 (it is inf)
    stable_large_logit: float  # logaddexp(0, z) - y z at z = 100: 100


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    generator = torch.Generator().manual_seed(cfg.seed)
    x, y = ring_data(cfg.points, generator)
    params = init_params(cfg.hidden, generator)
    # --8<-- [start:loss]
    z, _ = forward(params, x)  # (400, 1) logits
    loss = bce_loss(z, y)
    reference = F.binary_cross_entropy_with_logits(z, y)
    print(f"batch {tuple(x.shape)}, labels {tuple(y.shape)}, {int(y.sum())} inside the circle")
    print(
        f"our loss {loss.item():.6f}, PyTorch's {reference.item():.6f}, log 2 = {math.log(2):.6f}"
    )
    big, zero = torch.tensor([100.0]), torch.tensor([0.0])
    naive = -torch.log(1 - torch.sigmoid(big))  # label 0, p = sigmoid(100) rounds to 1
    stable = bce_loss(big, zero)
    print(
        f"label 0, logit 100: -log(1 - sigmoid(z)) = {naive.item()}, stable form = {stable.item()}"
    )
    # --8<-- [end:loss]
    return Result(
        loss=loss.item(),
        torch_loss=reference.item(),
        log_two=math.log(2),
        naive_is_finite=bool(naive.isfinite().item()),
        stable_large_logit=stable.item(),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
