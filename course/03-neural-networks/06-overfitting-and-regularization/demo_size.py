"""Demo 1 of Part 3.6: the same network trained on 20 to 1,000 points; training and test loss
against the size of the training set, over several seeds."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import tyro
from tqdm import tqdm

from fitting import fresh_points, moons, scores, summary, train


@dataclass(frozen=True)
class Config:
    sizes: list[int] = field(default_factory=lambda: [20, 50, 100, 300, 1000])  # training points
    noise: float = 0.3  # make_moons noise: the classes overlap
    hidden: list[int] = field(default_factory=lambda: [32, 32])
    epochs: int = 300  # full-batch Adam steps
    lr: float = 0.01
    seeds: int = 5  # each seed: its own training points and initial weights
    test_points: int = 1000
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    sizes: list[int]
    train_loss_mean: list[float]  # one per size, mean over seeds
    train_loss_sem: list[float]
    test_loss_mean: list[float]
    test_loss_sem: list[float]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x_test, y_test = fresh_points(cfg.test_points, cfg.noise)
    figure, (curves, final) = plt.subplots(1, 2, figsize=(11, 4))
    table: dict[str, list[float]] = {key: [] for key in ("train", "train_sem", "test", "test_sem")}
    print(f"points  train loss       test loss        ({cfg.seeds} seeds)")
    # --8<-- [start:sweep]
    for n in tqdm(cfg.sizes, leave=False):
        runs, test_curves = [], []
        for seed in range(cfg.seeds):
            data = (*moons(n, cfg.noise, seed), x_test, y_test)
            model, _, test_losses = train(data, cfg.hidden, cfg.epochs, cfg.lr, seed)
            runs.append(scores(model, data))
            test_curves.append(test_losses)
        train_loss, train_sem = summary(runs, "train_loss")
        test_loss, test_sem = summary(runs, "test_loss")
        print(f"{n:6d}  {train_loss:.3f} ± {train_sem:.3f}   {test_loss:.3f} ± {test_sem:.3f}")
        # --8<-- [end:sweep]
        for key, value in zip(table, (train_loss, train_sem, test_loss, test_sem), strict=True):
            table[key].append(value)
        epochs = np.arange(1, cfg.epochs + 1)
        curves.plot(epochs, np.mean(test_curves, axis=0), label=f"{n} points")
    curves.set_yscale("log")
    curves.set_title(f"Test loss during training (mean over {cfg.seeds} seeds)")
    curves.set_xlabel("epoch (full-batch Adam step)")
    curves.set_ylabel("test binary cross-entropy")
    curves.legend()
    for key, label in (("train", "training loss"), ("test", "test loss")):
        final.errorbar(cfg.sizes, table[key], yerr=table[f"{key}_sem"], marker="o", label=label)
    final.set_xscale("log")
    final.set_title(f"Loss after {cfg.epochs} epochs, mean ± standard error")
    final.set_xlabel("training points (log scale)")
    final.set_ylabel("binary cross-entropy")
    final.legend()
    figure.tight_layout()
    figure.savefig(cfg.out_dir / "size.png", dpi=120)
    plt.close(figure)
    return Result(cfg.sizes, table["train"], table["train_sem"], table["test"], table["test_sem"])


if __name__ == "__main__":
    main(tyro.cli(Config))
