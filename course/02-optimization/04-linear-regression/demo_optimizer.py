"""Demo 3: the same fit with autograd and an optimizer, through the library's training
loop, next to the closed form and the loop by hand; then mini-batches."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro
from torch import nn

from demo_by_hand import train_by_hand
from line import INTERCEPT, NOISE_STD, SLOPE, least_squares, make_line_data
from rlcourse.training import fit


@dataclass(frozen=True)
class Config:
    n: int = 50  # points
    lr: float = 0.02  # the same step size as Demo 2
    epochs: int = 2000  # full batch: one step per epoch, as in Demo 2
    batch_size: int = 10  # for the mini-batch run
    tolerance: float = 1e-4  # the three answers must agree this closely
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    autograd_vs_by_hand: float  # largest |difference| in (w, b)
    autograd_vs_closed_form: float
    by_hand_vs_closed_form: float
    all_agree: bool
    minibatch_vs_closed_form: float
    figure: str


# --8<-- [start:optimizer]
def train_with_optimizer(
    x: torch.Tensor, y: torch.Tensor, lr: float, epochs: int, batch_size: int | None = None
) -> tuple[nn.Linear, list[float]]:
    """nn.Linear(1, 1) started at w = b = 0, trained with SGD on the MSE by the library's
    loop: loss, zero_grad, backward, step, for every (mini-)batch."""
    model = nn.Linear(1, 1)  # prediction x @ weight.T + bias: (n, 1) -> (n, 1)
    nn.init.zeros_(model.weight)
    nn.init.zeros_(model.bias)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    generator = torch.Generator().manual_seed(0)  # the order of the mini-batches
    losses = fit(model, nn.MSELoss(), optimizer, x, y, epochs, batch_size, generator)
    return model, losses


# --8<-- [end:optimizer]


def parameters(model: nn.Linear) -> torch.Tensor:
    return torch.stack([model.weight[0, 0], model.bias[0]]).detach().double()


def plot(full: list[float], batched: list[float], batch_size: int, path: Path) -> None:
    epochs = range(1, len(full) + 1)
    fig, ax = plt.subplots(figsize=(6.5, 4), dpi=100)
    ax.plot(epochs, full, label="full batch: one step per epoch")
    ax.plot(epochs, batched, alpha=0.8, label=f"mini-batches of {batch_size} rows")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel("mean training loss (MSE)")
    ax.set_title("fit's record of the loss, epoch by epoch")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def pair(theta: torch.Tensor) -> str:
    return f"{theta[0]:.6f}, {theta[1]:.6f}"


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(cfg.seed)
    x, y = make_line_data(cfg.n, SLOPE, INTERCEPT, NOISE_STD, cfg.seed)
    closed_form = least_squares(x, y)
    path, _ = train_by_hand(x, y, cfg.lr, cfg.epochs)
    by_hand = path[-1].double()
    model, losses = train_with_optimizer(x, y, cfg.lr, cfg.epochs)
    autograd = parameters(model)
    print(f"closed form  w, b = {pair(closed_form)}")
    print(f"by hand      w, b = {pair(by_hand)}")
    print(f"autograd+SGD w, b = {pair(autograd)}, final loss {losses[-1]:.4f}")
    gaps = {
        "autograd vs by hand": (autograd - by_hand).abs().max().item(),
        "autograd vs closed form": (autograd - closed_form).abs().max().item(),
        "by hand vs closed form": (by_hand - closed_form).abs().max().item(),
    }
    for name, gap in gaps.items():
        print(f"{name:24s} largest difference {gap:.1e}")
    agree = max(gaps.values()) < cfg.tolerance
    print(f"all three agree within {cfg.tolerance:g}: {agree}")
    batched, batched_losses = train_with_optimizer(x, y, cfg.lr, cfg.epochs, cfg.batch_size)
    minibatch_gap = (parameters(batched) - closed_form).abs().max().item()
    print(
        f"mini-batches of {cfg.batch_size}: w, b = {pair(parameters(batched))}, "
        f"largest difference {minibatch_gap:.1e}, last epoch's loss {batched_losses[-1]:.4f}"
    )
    figure = cfg.out_dir / "losses.png"
    plot(losses, batched_losses, cfg.batch_size, figure)
    return Result(
        autograd_vs_by_hand=gaps["autograd vs by hand"],
        autograd_vs_closed_form=gaps["autograd vs closed form"],
        by_hand_vs_closed_form=gaps["by hand vs closed form"],
        all_agree=agree,
        minibatch_vs_closed_form=minibatch_gap,
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
