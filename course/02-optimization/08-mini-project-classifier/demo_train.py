"""Demo 2: logistic regression (no hidden layer) and a small network (two hidden layers of
16) trained on the same training points by fit, with their losses epoch by epoch."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import tyro

from moons import NOISE, accuracy, make_data, train_classifier


@dataclass(frozen=True)
class Config:
    n: int = 400
    test_fraction: float = 0.25
    hidden_sizes: tuple[int, ...] = (16, 16)  # the network's hidden layers
    logistic_lr: float = 0.05  # Adam's step size for logistic regression
    network_lr: float = 0.02  # and for the network
    epochs: int = 500  # full batch: one step per epoch
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    logistic_parameters: int
    network_parameters: int
    logistic_loss: float  # the last epoch's training loss
    network_loss: float
    logistic_train_accuracy: float
    network_train_accuracy: float
    figure: str


def plot(curves: dict[str, list[float]], path: Path) -> None:
    fig, ax = plt.subplots(figsize=(6.5, 4), dpi=100)
    for name, losses in curves.items():
        ax.plot(range(1, len(losses) + 1), losses, label=name)
    ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel("training loss (cross-entropy)")
    ax.set_title("A straight line stalls; the network keeps learning")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x, y, _, _ = make_data(cfg.n, NOISE, cfg.test_fraction, cfg.seed)  # training points only
    logistic, logistic_losses = train_classifier(x, y, (), cfg.logistic_lr, cfg.epochs, cfg.seed)
    network, network_losses = train_classifier(
        x, y, cfg.hidden_sizes, cfg.network_lr, cfg.epochs, cfg.seed
    )
    print(network)
    sizes = [sum(p.numel() for p in model.parameters()) for model in (logistic, network)]
    train = [accuracy(model, x, y) for model in (logistic, network)]
    for name, size, losses, acc in zip(
        ("logistic", "network"), sizes, (logistic_losses, network_losses), train, strict=True
    ):
        print(f"{name:8s} {size:4d} parameters, loss {losses[0]:.4f} -> {losses[-1]:.4f}, ", end="")
        print(f"training accuracy {acc:.3f}")
    figure = cfg.out_dir / "losses.png"
    plot({"logistic regression": logistic_losses, "network 2-16-16-2": network_losses}, figure)
    return Result(
        sizes[0], sizes[1], logistic_losses[-1], network_losses[-1], train[0], train[1], figure.name
    )


# --8<-- [end:main]


if __name__ == "__main__":
    main(tyro.cli(Config))
