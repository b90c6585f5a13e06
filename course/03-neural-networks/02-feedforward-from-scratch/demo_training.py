"""Demo 4 of Part 3.2: train the network with the hand-written gradients on five seeds,
plot the loss over epochs, and measure accuracy on fresh points."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro
from tqdm import tqdm

from network import Params, accuracy, forward, init_params, ring_data, train
from rlcourse.stats import mean_and_standard_error


@dataclass(frozen=True)
class Config:
    seeds: int = 5
    points: int = 400  # training points
    test_points: int = 2000  # fresh points for accuracy
    hidden: int = 8
    lr: float = 1.0  # gradient-descent step size alpha
    epochs: int = 1000  # full-batch steps
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    first_loss: list[float]  # per seed, before training
    final_loss: list[float]  # per seed, before the last step
    test_accuracy: list[float]
    final_loss_mean: float
    final_loss_sem: float
    accuracy_mean: float
    accuracy_sem: float


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    curves: list[list[float]] = []
    accuracies: list[float] = []
    first_params: Params = {}
    for seed in tqdm(range(cfg.seeds), desc="seeds"):
        generator = torch.Generator().manual_seed(seed)
        x, y = ring_data(cfg.points, generator)
        test_x, test_y = ring_data(cfg.test_points, generator)
        params, losses = train(init_params(cfg.hidden, generator), x, y, cfg.lr, cfg.epochs)
        curves.append(losses)
        accuracies.append(accuracy(params, test_x, test_y))
        print(
            f"seed {seed}: loss {losses[0]:.3f} -> {losses[-1]:.4f}, "
            f"test accuracy {accuracies[-1]:.3f}"
        )
        if seed == 0:
            first_params = params
    final = [curve[-1] for curve in curves]
    loss_mean, loss_sem = mean_and_standard_error(final)
    accuracy_mean, accuracy_sem = mean_and_standard_error(accuracies)
    print(
        f"over {cfg.seeds} seeds: final loss {loss_mean:.4f} +- {loss_sem:.4f}, "
        f"test accuracy {accuracy_mean:.3f} +- {accuracy_sem:.3f}"
    )
    plot(curves, first_params, cfg.out_dir / "training.png")
    return Result(
        first_loss=[curve[0] for curve in curves],
        final_loss=final,
        test_accuracy=accuracies,
        final_loss_mean=loss_mean,
        final_loss_sem=loss_sem,
        accuracy_mean=accuracy_mean,
        accuracy_sem=accuracy_sem,
    )


def plot(curves: list[list[float]], params: Params, path: Path) -> None:
    fig, (left, right) = plt.subplots(1, 2, figsize=(10.5, 4.2))
    for seed, curve in enumerate(curves):
        left.plot(range(1, len(curve) + 1), curve, label=f"seed {seed}")
    left.set(xlabel="epoch (full-batch step)", ylabel="mean cross-entropy loss", yscale="log")
    left.set_title("Training loss, hand-written gradients")
    left.legend()
    grid = torch.linspace(-2, 2, 201)
    gx, gy = torch.meshgrid(grid, grid, indexing="xy")
    logits, _ = forward(params, torch.stack([gx.reshape(-1), gy.reshape(-1)], dim=1))
    inside = (logits > 0).float().reshape(gx.shape)
    right.contourf(gx, gy, inside, levels=[-0.5, 0.5, 1.5], colors=["#dde6f5", "#f5d9c8"])
    angle = torch.linspace(0, 2 * torch.pi, 200)
    right.plot(1.2 * torch.cos(angle), 1.2 * torch.sin(angle), "k--", label="true circle")
    right.set(xlabel="$x_0$", ylabel="$x_1$", aspect="equal", title="Seed 0: where z > 0 (orange)")
    right.legend(loc="upper right")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
