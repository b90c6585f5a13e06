"""Demo 1 of Part 3.7: dropout in training mode and in evaluation mode, then the
training and validation accuracy of a network with and without dropout, epoch by epoch."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro
from torch import nn

from noisy_digits import NoisyDigits, accuracy, dropout_mlp, noisy_digits
from rlcourse.training import fit


@dataclass(frozen=True)
class Config:
    p: float = 0.5  # dropout probability
    epochs: int = 60
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    kept_share: float  # share of a vector of ones that one Dropout(p) call kept
    train_mode_difference: float  # largest |difference| between two forward passes
    eval_mode_difference: float
    curves: dict[str, list[float]]  # accuracy per epoch, by curve name
    final: list[float]  # the last value of each curve, in the order of curves
    plain_peak: float  # the highest validation accuracy without dropout
    plain_peak_epoch: int  # the epoch where it was reached


# --8<-- [start:modes]
def show_modes(p: float) -> tuple[float, float, float]:
    dropout = nn.Dropout(p)  # a fresh module is in training mode
    ones = torch.ones(10)
    kept = dropout(ones)
    print(f"Dropout({p}) in train mode on ten ones: {kept.tolist()}")
    dropout.eval()
    print(f"Dropout({p}) in eval mode on ten ones:  {dropout(ones).tolist()}")
    model, x = dropout_mlp(p), torch.rand(1, 64)
    model.train()
    train_gap = (model(x) - model(x)).abs().max().item()  # same input, two passes
    model.eval()
    eval_gap = (model(x) - model(x)).abs().max().item()
    print(f"same input twice: largest difference {train_gap:.4f} in train mode, "
          f"{eval_gap:.4f} in eval mode")  # fmt: skip
    return (kept != 0).float().mean().item(), train_gap, eval_gap


# --8<-- [end:modes]


def main(cfg: Config) -> Result:
    torch.set_num_threads(1)  # small batches: a second thread adds overhead, not speed
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(cfg.seed)
    kept, train_gap, eval_gap = show_modes(cfg.p)
    data = noisy_digits()
    curves: dict[str, list[float]] = {}
    for p in (0.0, cfg.p):
        curves |= accuracy_curves(data, p, cfg.epochs, cfg.seed)
    for name, values in curves.items():
        print(f"after {cfg.epochs} epochs, {name}: {values[-1]:.3f}")
    final = [values[-1] for values in curves.values()]
    plot(curves, cfg.out_dir / "dropout_curves.png")
    plain = curves["p=0.0 validation"]
    peak = max(range(len(plain)), key=lambda i: plain[i])
    print(f"without dropout, validation peaked at {plain[peak]:.3f} in epoch {peak + 1}")
    return Result(kept, train_gap, eval_gap, curves, final, plain[peak], peak + 1)


# --8<-- [start:curves]
def accuracy_curves(data: NoisyDigits, p: float, epochs: int, seed: int) -> dict[str, list[float]]:
    torch.manual_seed(seed)
    model = dropout_mlp(p)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    shuffle = torch.Generator().manual_seed(seed)
    curves: dict[str, list[float]] = {f"p={p} training labels": [], f"p={p} validation": []}
    if p > 0:
        curves[f"p={p} validation, dropout left on"] = []
    for _ in range(epochs):
        model.train()  # fit does not call train(): without this line the dropout is off
        fit(model, nn.CrossEntropyLoss(), optimizer, data.train_x, data.train_y, 1, 50, shuffle)
        if p > 0:  # measured by mistake in training mode: a random half of the units
            curves[f"p={p} validation, dropout left on"].append(
                accuracy(model, data.val_x, data.val_y)
            )
        model.eval()
        curves[f"p={p} training labels"].append(accuracy(model, data.train_x, data.train_y))
        curves[f"p={p} validation"].append(accuracy(model, data.val_x, data.val_y))
    return curves


# --8<-- [end:curves]


def plot(curves: dict[str, list[float]], path: Path) -> None:
    fig, ax = plt.subplots(figsize=(7, 4.2))
    for name, values in curves.items():
        style = ":" if "left on" in name else ("--" if "training" in name else "-")
        colour = "tab:blue" if name.startswith("p=0.0") else "tab:orange"
        ax.plot(range(1, len(values) + 1), values, style, color=colour, label=name)
    ax.set(xlabel="epoch", ylabel="accuracy", ylim=(0, 1.02))
    ax.set_title("Noisy 8x8 digits: accuracy with and without dropout")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
