"""Demo 3: the same model as nn.Linear(2, 1) with BCEWithLogitsLoss and SGD, trained by
the library's loop, next to the gradient steps by hand; then Adam."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import torch
import tyro
from torch import nn

from clouds import CENTRE, STD, gradient_step, make_clouds
from rlcourse.training import fit


@dataclass(frozen=True)
class Config:
    n_per_class: int = 100
    lr: float = 0.5  # the same step size as Demo 2
    epochs: int = 500  # full batch: one step per epoch, as Demo 2's steps
    adam_lr: float = 0.05
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"  # the runner's; this demo saves no figure


@dataclass(frozen=True)
class Result:
    sgd_vs_by_hand: float  # largest |difference| in (w1, w2, b)
    sgd_loss: float
    adam_loss: float


# --8<-- [start:optimizer]
def train_classifier(
    x: torch.Tensor,
    y: torch.Tensor,
    optimizer_class: Callable[..., torch.optim.Optimizer],  # torch.optim.SGD or Adam
    lr: float,
    epochs: int,
) -> tuple[nn.Linear, list[float]]:
    """nn.Linear(2, 1) from w = b = 0, trained on BCEWithLogitsLoss (sigmoid and BCE in one
    stable function) by fit, with full-batch steps."""
    model = nn.Linear(2, 1)  # logits: (n, 2) -> (n, 1)
    nn.init.zeros_(model.weight)
    nn.init.zeros_(model.bias)
    optimizer = optimizer_class(model.parameters(), lr=lr)
    targets = y.unsqueeze(1)  # (n,) -> (n, 1), the logits' shape
    losses = fit(model, nn.BCEWithLogitsLoss(), optimizer, x, targets, epochs)
    return model, losses


# --8<-- [end:optimizer]


def parameters(model: nn.Linear) -> torch.Tensor:
    return torch.cat([model.weight[0], model.bias]).detach()


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    x, y = make_clouds(cfg.n_per_class, CENTRE, STD, cfg.seed)
    w, b = torch.zeros(2), torch.zeros(())
    for _ in range(cfg.epochs):
        w, b = gradient_step(x, y, w, b, cfg.lr)
    by_hand = torch.cat([w, b.reshape(1)])
    sgd, sgd_losses = train_classifier(x, y, torch.optim.SGD, cfg.lr, cfg.epochs)
    adam, adam_losses = train_classifier(x, y, torch.optim.Adam, cfg.adam_lr, cfg.epochs)
    gap = (parameters(sgd) - by_hand).abs().max().item()
    for name, theta in [("by hand", by_hand), ("SGD", parameters(sgd)), ("Adam", parameters(adam))]:
        print(f"{name:8s} w1, w2, b = {theta[0]:.4f}, {theta[1]:.4f}, {theta[2]:.4f}")
    print(f"SGD vs by hand: largest difference {gap:.1e}")
    print(f"final loss: SGD {sgd_losses[-1]:.4f}, Adam {adam_losses[-1]:.4f}")
    return Result(sgd_vs_by_hand=gap, sgd_loss=sgd_losses[-1], adam_loss=adam_losses[-1])


# --8<-- [end:main]


if __name__ == "__main__":
    main(tyro.cli(Config))
