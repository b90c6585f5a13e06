"""Demo 2 of Part 3.4: the same network with each activation, trained on the same task
from five seeds; mean loss curves with a band of one standard error."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro
from torch import nn
from tqdm import tqdm

from activations import ACTIVATIONS, moons
from rlcourse.networks import mlp
from rlcourse.stats import mean_and_standard_error
from rlcourse.training import fit


@dataclass(frozen=True)
class Config:
    seeds: int = 5
    points: int = 200  # training points of the half-moons
    hidden: tuple[int, ...] = (16, 16, 16)  # three hidden layers
    lr: float = 0.5  # SGD step size
    epochs: int = 300  # full-batch steps
    target_loss: float = 0.3  # "how fast": the first epoch whose loss is below this
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    final_loss_mean: dict[str, float]  # by activation, over seeds
    final_loss_sem: dict[str, float]
    epochs_to_target_mean: dict[str, float]  # the number of epochs where never reached
    epochs_to_target_sem: dict[str, float]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    curves: dict[str, np.ndarray] = {}  # activation -> (seeds, epochs)
    # --8<-- [start:train]
    for name, activation in tqdm(ACTIVATIONS.items(), desc="activations"):
        runs: list[list[float]] = []
        for seed in range(cfg.seeds):
            x, y = moons(cfg.points, seed)  # each seed its own data and initial weights
            torch.manual_seed(seed)
            model = mlp(2, list(cfg.hidden), 1, activation)
            optimizer = torch.optim.SGD(model.parameters(), lr=cfg.lr)
            runs.append(fit(model, nn.BCEWithLogitsLoss(), optimizer, x, y, cfg.epochs))
        curves[name] = np.array(runs)
    # --8<-- [end:train]
    final: dict[str, tuple[float, float]] = {}
    reach: dict[str, tuple[float, float]] = {}
    for name, losses in curves.items():
        final[name] = mean_and_standard_error(losses[:, -1])
        below = losses < cfg.target_loss
        epochs = np.where(below.any(axis=1), below.argmax(axis=1) + 1, cfg.epochs)
        reach[name] = mean_and_standard_error(epochs.astype(np.float64))
        print(
            f"{name:9s} final loss {final[name][0]:.3f} +- {final[name][1]:.3f}, "
            f"below {cfg.target_loss} after {reach[name][0]:.0f} +- {reach[name][1]:.0f} epochs"
        )
    plot(curves, cfg.out_dir / "convergence.png")
    return Result(
        final_loss_mean={name: m for name, (m, _) in final.items()},
        final_loss_sem={name: s for name, (_, s) in final.items()},
        epochs_to_target_mean={name: m for name, (m, _) in reach.items()},
        epochs_to_target_sem={name: s for name, (_, s) in reach.items()},
    )


def plot(curves: dict[str, np.ndarray], path: Path) -> None:
    fig, ax = plt.subplots(figsize=(7, 4.2))
    for name, runs in curves.items():
        mean = runs.mean(axis=0)
        sem = runs.std(axis=0, ddof=1) / np.sqrt(len(runs))
        epochs = np.arange(1, runs.shape[1] + 1)
        (line,) = ax.plot(epochs, mean, label=name)
        ax.fill_between(epochs, mean - sem, mean + sem, color=line.get_color(), alpha=0.25)
    ax.set(xlabel="epoch (full-batch SGD step)", ylabel="mean cross-entropy loss")
    seeds = len(next(iter(curves.values())))
    ax.set_title(f"Training loss by activation: mean ± standard error over {seeds} seeds")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
