"""Demo 3 of Part 3.3: the library's mlp builder, and a second hidden layer trained on the
circle of Part 3.2 next to the one-hidden-layer network, over five seeds."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro
from torch import nn
from tqdm import tqdm

from circle_net import TwoLayerNet, accuracy, circle_data, train
from rlcourse.networks import mlp
from rlcourse.stats import mean_and_standard_error


@dataclass(frozen=True)
class Config:
    seeds: int = 5
    points: int = 400  # training points, as in Part 3.2
    test_points: int = 2000  # fresh points for accuracy
    hidden: int = 8  # width of every hidden layer
    lr: float = 1.0  # SGD step size, as in Part 3.2
    epochs: int = 1000  # full-batch steps
    target_loss: float = 0.2  # "how fast": the first epoch whose loss is below this
    spike: float = 1.5  # a spike: an epoch whose loss is this many times the one before
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Summary:
    parameters: int
    final_loss: list[float]  # per seed
    test_accuracy: list[float]
    epochs_to_target: list[int]  # the number of epochs where the loss never got there
    spikes: list[int]  # epochs whose loss jumped above spike times the epoch before
    final_loss_mean: float
    final_loss_sem: float
    accuracy_mean: float
    accuracy_sem: float
    epochs_to_target_mean: float
    epochs_to_target_sem: float
    spikes_mean: float
    spikes_sem: float


@dataclass(frozen=True)
class Result:
    one_hidden: Summary
    two_hidden: Summary
    same_shapes: bool  # mlp(2, [H], 1, nn.Tanh) has TwoLayerNet's parameter shapes


def summarise(
    model: nn.Module, curves: list[list[float]], accuracies: list[float], cfg: Config
) -> Summary:
    final = [curve[-1] for curve in curves]
    reach = [
        next((i + 1 for i, loss in enumerate(c) if loss < cfg.target_loss), len(c)) for c in curves
    ]
    spikes = [sum(b > cfg.spike * a for a, b in itertools.pairwise(c)) for c in curves]
    spikes_mean, spikes_sem = mean_and_standard_error([float(s) for s in spikes])
    loss_mean, loss_sem = mean_and_standard_error(final)
    accuracy_mean, accuracy_sem = mean_and_standard_error(accuracies)
    reach_mean, reach_sem = mean_and_standard_error([float(r) for r in reach])
    return Summary(
        parameters=sum(p.numel() for p in model.parameters()),
        final_loss=final,
        test_accuracy=accuracies,
        epochs_to_target=reach,
        final_loss_mean=loss_mean,
        final_loss_sem=loss_sem,
        accuracy_mean=accuracy_mean,
        accuracy_sem=accuracy_sem,
        epochs_to_target_mean=reach_mean,
        epochs_to_target_sem=reach_sem,
        spikes=spikes,
        spikes_mean=spikes_mean,
        spikes_sem=spikes_sem,
    )


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    shapes = [tuple(p.shape) for p in mlp(2, [cfg.hidden], 1, nn.Tanh).parameters()]
    same_shapes = shapes == [tuple(p.shape) for p in TwoLayerNet(cfg.hidden).parameters()]
    print(f"mlp(2, [{cfg.hidden}], 1, nn.Tanh) has TwoLayerNet's parameter shapes: {same_shapes}")
    # --8<-- [start:deeper]
    builders: dict[str, Callable[[], nn.Module]] = {
        "one hidden layer": lambda: TwoLayerNet(cfg.hidden),
        "two hidden layers": lambda: mlp(2, [cfg.hidden, cfg.hidden], 1, nn.Tanh),
    }
    curves: dict[str, list[list[float]]] = {name: [] for name in builders}
    accuracies: dict[str, list[float]] = {name: [] for name in builders}
    models: dict[str, nn.Module] = {}
    for seed in tqdm(range(cfg.seeds), desc="seeds"):
        generator = torch.Generator().manual_seed(seed)
        x, y = circle_data(cfg.points, generator)
        test_x, test_y = circle_data(cfg.test_points, generator)
        for name, build in builders.items():
            torch.manual_seed(seed)  # the initial weights
            model = build()
            curves[name].append(train(model, x, y, cfg.lr, cfg.epochs))
            accuracies[name].append(accuracy(model, test_x, test_y))
            models.setdefault(name, model)  # seed 0's, for the figure
    # --8<-- [end:deeper]
    summaries = {
        name: summarise(models[name], curves[name], accuracies[name], cfg) for name in builders
    }
    for name, s in summaries.items():
        print(
            f"{name} ({s.parameters} parameters), over {cfg.seeds} seeds: "
            f"final loss {s.final_loss_mean:.4f} +- {s.final_loss_sem:.4f}, "
            f"test accuracy {s.accuracy_mean:.3f} +- {s.accuracy_sem:.3f}, "
            f"loss below {cfg.target_loss} after {s.epochs_to_target_mean:.0f} "
            f"+- {s.epochs_to_target_sem:.0f} epochs, "
            f"{s.spikes_mean:.1f} +- {s.spikes_sem:.1f} spikes"
        )
    plot(curves, models, cfg.out_dir / "deeper.png")
    return Result(
        one_hidden=summaries["one hidden layer"],
        two_hidden=summaries["two hidden layers"],
        same_shapes=same_shapes,
    )


def plot(curves: dict[str, list[list[float]]], models: dict[str, nn.Module], path: Path) -> None:
    fig, (left, right) = plt.subplots(1, 2, figsize=(10.5, 4.2))
    for (name, runs), colour in zip(curves.items(), ("tab:blue", "tab:orange"), strict=True):
        losses = np.array(runs)  # (seeds, epochs)
        mean = losses.mean(axis=0)
        sem = losses.std(axis=0, ddof=1) / np.sqrt(len(runs))
        epochs = np.arange(1, losses.shape[1] + 1)
        left.plot(epochs, mean, color=colour, label=f"{name}: mean")
        left.fill_between(
            epochs,
            mean - sem,
            mean + sem,
            color=colour,
            alpha=0.25,
            label=f"{name}: ± standard error",
        )
    left.set(xlabel="epoch (full-batch step)", ylabel="mean cross-entropy loss", yscale="log")
    left.set_title(f"Training loss over {len(next(iter(curves.values())))} seeds")
    left.legend()
    grid = torch.linspace(-2, 2, 201)
    gx, gy = torch.meshgrid(grid, grid, indexing="xy")
    points = torch.stack([gx.reshape(-1), gy.reshape(-1)], dim=1)
    for (name, model), colour in zip(models.items(), ("tab:blue", "tab:orange"), strict=True):
        with torch.no_grad():
            logits = model(points).reshape(gx.shape)
        right.contour(gx, gy, logits, levels=[0.0], colors=colour)
        right.plot([], [], color=colour, label=f"{name}: z = 0")  # a legend entry for the contour
    angle = torch.linspace(0, 2 * torch.pi, 200)
    right.plot(1.2 * torch.cos(angle), 1.2 * torch.sin(angle), "k--", label="true circle")
    right.set(
        xlabel="$x_0$", ylabel="$x_1$", aspect="equal", title="Seed 0: the learned boundaries"
    )
    right.legend(loc="upper right", fontsize="small")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
