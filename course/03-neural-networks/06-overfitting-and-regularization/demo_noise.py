"""Demo 2 of Part 3.6: the same network on 40 points of moons with more and more noise: the
training loss stays near 0 while the test loss grows; the boundary bends around noisy points."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
import tyro
from matplotlib.axes import Axes
from torch import nn
from tqdm import tqdm

from fitting import fresh_points, moons, scores, summary, train


@dataclass(frozen=True)
class Config:
    noises: list[float] = field(default_factory=lambda: [0.0, 0.1, 0.2, 0.3, 0.4, 0.5])
    points: int = 40  # training points
    hidden: list[int] = field(default_factory=lambda: [32, 32])
    epochs: int = 300
    lr: float = 0.01
    seeds: int = 5
    test_points: int = 1000
    shown: tuple[float, float] = (0.1, 0.4)  # the two noise levels whose boundary is drawn
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    noises: list[float]
    train_loss_mean: list[float]  # one per noise level, mean over seeds
    test_loss_mean: list[float]
    test_loss_sem: list[float]
    test_accuracy_mean: list[float]
    test_accuracy_sem: list[float]


def draw_boundary(
    axes: Axes, model: nn.Module, x: torch.Tensor, y: torch.Tensor, title: str
) -> None:
    """The region the model labels 1, and the training points coloured by their label."""
    grid = torch.linspace(-2.0, 3.0, 200)
    gx, gy = torch.meshgrid(grid, grid - 0.75, indexing="xy")
    with torch.no_grad():
        logits = model(torch.stack([gx.flatten(), gy.flatten()], dim=1)).reshape(gx.shape)
    axes.contourf(
        gx.numpy(),
        gy.numpy(),
        (logits > 0).float().numpy(),
        levels=[-0.5, 0.5, 1.5],
        colors=["#cfe0f3", "#f6d5c8"],
    )
    for label, colour in ((0, "tab:blue"), (1, "tab:red")):
        rows = y[:, 0] == label
        axes.scatter(x[rows, 0], x[rows, 1], c=colour, s=18, edgecolors="k", label=f"label {label}")
    axes.set_aspect("equal")
    axes.set_title(title)
    axes.set_xlabel("$x_0$")
    axes.set_ylabel("$x_1$")
    axes.legend(loc="lower left")


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    figure, panels = plt.subplots(1, 3, figsize=(15, 4.5))
    table: dict[str, list[float]] = {
        key: [] for key in Result.__dataclass_fields__ if key != "noises"
    }
    print(f"noise  train loss   test loss        test accuracy    ({cfg.seeds} seeds)")
    # --8<-- [start:sweep]
    for noise in tqdm(cfg.noises, leave=False):
        x_test, y_test = fresh_points(cfg.test_points, noise)
        runs = []
        for seed in range(cfg.seeds):
            data = (*moons(cfg.points, noise, seed), x_test, y_test)
            model = train(data, cfg.hidden, cfg.epochs, cfg.lr, seed)[0]
            runs.append(scores(model, data))
            # --8<-- [end:sweep]
            if seed == 0 and noise in cfg.shown:
                panel = panels[cfg.shown.index(noise)]
                draw_boundary(
                    panel, model, data[0], data[1], f"Noise {noise}: the learned boundary"
                )
        train_loss = summary(runs, "train_loss")[0]
        test_loss, test_sem = summary(runs, "test_loss")
        accuracy, accuracy_sem = summary(runs, "test_accuracy")
        print(
            f"{noise:5.1f}  {train_loss:.3f}        {test_loss:.3f} ± {test_sem:.3f}    "
            f"{accuracy:.3f} ± {accuracy_sem:.3f}"
        )
        values = (train_loss, test_loss, test_sem, accuracy, accuracy_sem)
        for key, value in zip(table, values, strict=True):
            table[key].append(value)
    gap = panels[2]
    gap.plot(cfg.noises, table["train_loss_mean"], marker="o", label="training loss")
    gap.errorbar(
        cfg.noises,
        table["test_loss_mean"],
        yerr=table["test_loss_sem"],
        marker="o",
        label="test loss",
    )
    gap.set_title(f"{cfg.points} training points, mean ± standard error")
    gap.set_xlabel("noise (standard deviation added to each coordinate)")
    gap.set_ylabel("binary cross-entropy")
    gap.legend()
    figure.tight_layout()
    figure.savefig(cfg.out_dir / "noise.png", dpi=120)
    plt.close(figure)
    return Result(noises=cfg.noises, **table)


if __name__ == "__main__":
    main(tyro.cli(Config))
