"""Demo 2 of Part 3.7: one step of Adam with weight_decay (L2 added to the gradient) and
of AdamW (decoupled decay), by hand and by torch.optim, for a small and a large decay."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro


@dataclass(frozen=True)
class Config:
    lr: float = 0.1
    decays: tuple[float, ...] = (0.01, 1.0)  # weight_decay lambda
    out_dir: Path = Path(__file__).parent / "outputs"  # the runner's; no figure here


@dataclass(frozen=True)
class Result:
    theta: list[float]
    gradient: list[float]
    decays: list[float]
    adam: list[list[float]]  # per decay: the parameters after one Adam(weight_decay) step
    adamw: list[list[float]]  # per decay: the parameters after one AdamW step
    largest_difference: float  # by hand vs torch.optim, over every case


BETAS, EPS = (0.9, 0.999), 1e-8  # PyTorch's defaults for both optimizers


# --8<-- [start:by_hand]
def first_step_by_hand(
    theta: torch.Tensor, g: torch.Tensor, lr: float, decay: float, decoupled: bool
) -> torch.Tensor:
    """One step from a fresh optimizer: m and v start at 0, so after bias correction
    m_hat = g' and v_hat = g'^2, and the step is lr * g' / (|g'| + eps)."""
    if decoupled:  # AdamW: shrink the weights directly, outside the adaptive scaling
        theta = theta - lr * decay * theta
        g_used = g
    else:  # Adam(weight_decay): L2's gradient lambda * theta joins the loss's gradient
        g_used = g + decay * theta
    m = (1 - BETAS[0]) * g_used  # first moment after one step
    v = (1 - BETAS[1]) * g_used**2  # second moment
    m_hat, v_hat = m / (1 - BETAS[0]), v / (1 - BETAS[1])  # bias correction, t = 1
    return theta - lr * m_hat / (v_hat.sqrt() + EPS)


# --8<-- [end:by_hand]


def first_step_torch(
    theta: torch.Tensor, g: torch.Tensor, lr: float, decay: float, decoupled: bool
) -> torch.Tensor:
    parameter = torch.nn.Parameter(theta.clone())
    optimizer_class = torch.optim.AdamW if decoupled else torch.optim.Adam
    optimizer = optimizer_class([parameter], lr=lr, betas=BETAS, eps=EPS, weight_decay=decay)
    parameter.grad = g.clone()
    optimizer.step()
    return parameter.detach()


def main(cfg: Config) -> Result:
    theta = torch.tensor([2.0, -1.0, 0.5, 0.0, 3.0])
    g = torch.tensor([0.5, 0.5, -0.01, 0.3, 0.0])  # the loss's gradient at theta
    print(f"theta            {theta.tolist()}")
    print(f"gradient g       {[round(x, 4) for x in g.tolist()]}")
    adam: list[list[float]] = []
    adamw: list[list[float]] = []
    largest = 0.0
    for decay in cfg.decays:
        for decoupled, table in ((False, adam), (True, adamw)):
            by_hand = first_step_by_hand(theta, g, cfg.lr, decay, decoupled)
            largest = max(
                largest,
                (by_hand - first_step_torch(theta, g, cfg.lr, decay, decoupled)).abs().max().item(),
            )
            table.append(by_hand.tolist())
            name = "AdamW" if decoupled else "Adam "
            print(f"{name} lambda={decay:<5} {[round(x, 4) for x in by_hand.tolist()]}")
    print(f"by hand vs torch.optim: largest difference {largest:.1e}")
    return Result(theta.tolist(), g.tolist(), list(cfg.decays), adam, adamw, largest)


if __name__ == "__main__":
    main(tyro.cli(Config))
