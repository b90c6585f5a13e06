"""Demo 4 of Part 3.4: swap the activation of a network halfway through training, keeping
its weights and its optimizer, in both directions, next to the networks never swapped."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro
from torch import nn
from tqdm import tqdm

from activations import moons
from rlcourse.networks import mlp
from rlcourse.stats import mean_and_standard_error
from rlcourse.training import fit


@dataclass(frozen=True)
class Config:
    seeds: int = 5
    points: int = 200
    hidden: tuple[int, ...] = (16, 16, 16)  # Demo 2's network
    lr: float = 0.5
    epochs: int = 300
    swap_at: int = 150  # epochs before the swap
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    # By run ("sigmoid", "ReLU", "sigmoid -> ReLU", "ReLU -> sigmoid"), over seeds:
    before_swap_mean: dict[str, float]  # the loss of the last epoch before the swap
    after_swap_mean: dict[str, float]  # the loss of the first epoch after it
    final_mean: dict[str, float]
    final_sem: dict[str, float]


# --8<-- [start:swap]
def swap_activations(
    model: nn.Sequential, old: type[nn.Module], new: Callable[[], nn.Module]
) -> int:
    """Replace every ``old`` layer of ``model`` by a fresh ``new()``; the Linear layers,
    and so the weights and the optimizer's hold on them, stay. Returns how many."""
    swapped = 0
    for index, layer in enumerate(model):
        if isinstance(layer, old):
            model[index] = new()
            swapped += 1
    return swapped


def train_with_swap(
    first: type[nn.Module], then: type[nn.Module], seed: int, cfg: Config
) -> list[float]:
    x, y = moons(cfg.points, seed)
    torch.manual_seed(seed)
    model = mlp(2, list(cfg.hidden), 1, first)
    optimizer = torch.optim.SGD(model.parameters(), lr=cfg.lr)
    loss_fn = nn.BCEWithLogitsLoss()
    losses = fit(model, loss_fn, optimizer, x, y, cfg.swap_at)
    swap_activations(model, first, then)  # no-op when first is then
    return losses + fit(model, loss_fn, optimizer, x, y, cfg.epochs - cfg.swap_at)


# --8<-- [end:swap]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    runs = {
        "sigmoid": (nn.Sigmoid, nn.Sigmoid),
        "ReLU": (nn.ReLU, nn.ReLU),
        "sigmoid -> ReLU": (nn.Sigmoid, nn.ReLU),
        "ReLU -> sigmoid": (nn.ReLU, nn.Sigmoid),
    }
    curves: dict[str, np.ndarray] = {}
    for label, (first, then) in tqdm(runs.items(), desc="runs"):
        curves[label] = np.array(
            [train_with_swap(first, then, seed, cfg) for seed in range(cfg.seeds)]
        )
    before, after, final, final_sem = {}, {}, {}, {}
    for label, losses in curves.items():
        before[label] = float(losses[:, cfg.swap_at - 1].mean())
        after[label] = float(losses[:, cfg.swap_at].mean())
        final[label], final_sem[label] = mean_and_standard_error(losses[:, -1])
        print(
            f"{label:16s} epoch {cfg.swap_at}: {before[label]:.3f}, "
            f"epoch {cfg.swap_at + 1}: {after[label]:.3f}, "
            f"final: {final[label]:.3f} +- {final_sem[label]:.3f}"
        )
    plot(curves, cfg.swap_at, cfg.out_dir / "swap.png")
    return Result(
        before_swap_mean=before, after_swap_mean=after, final_mean=final, final_sem=final_sem
    )


def plot(curves: dict[str, np.ndarray], swap_at: int, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(7, 4.2))
    styles = {"sigmoid": ":", "ReLU": ":", "sigmoid -> ReLU": "-", "ReLU -> sigmoid": "-"}
    for label, runs in curves.items():
        mean = runs.mean(axis=0)
        sem = runs.std(axis=0, ddof=1) / np.sqrt(len(runs))
        epochs = np.arange(1, runs.shape[1] + 1)
        (line,) = ax.plot(epochs, mean, styles[label], label=label)
        ax.fill_between(epochs, mean - sem, mean + sem, color=line.get_color(), alpha=0.2)
    seeds = len(next(iter(curves.values())))
    ax.axvline(swap_at + 0.5, color="grey", linestyle="--", label="the swap")
    ax.set(xlabel="epoch (full-batch SGD step)", ylabel="mean cross-entropy loss")
    ax.set_title(f"Swapping the activation at epoch {swap_at}: mean ± s.e., {seeds} seeds")
    ax.grid(alpha=0.3)
    ax.legend(loc="upper right", fontsize="small")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
