"""Demo 4 of Part 3.6: networks from 1 to 128 units per hidden layer on the same 40 noisy
points: training and test accuracy, and test loss, against the number of parameters."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import tyro
from tqdm import tqdm

from fitting import fresh_points, moons, scores, summary, train
from rlcourse.networks import mlp


@dataclass(frozen=True)
class Config:
    widths: list[int] = field(default_factory=lambda: [1, 2, 4, 8, 32, 128])  # units per layer
    points: int = 40
    noise: float = 0.3
    epochs: int = 300
    lr: float = 0.01
    seeds: int = 5
    test_points: int = 1000
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    widths: list[int]
    parameters: list[int]  # of mlp(2, [width, width], 1)
    train_accuracy_mean: list[float]
    train_accuracy_sem: list[float]
    test_accuracy_mean: list[float]
    test_accuracy_sem: list[float]
    test_loss_mean: list[float]
    test_loss_sem: list[float]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x_test, y_test = fresh_points(cfg.test_points, cfg.noise)
    fields = list(Result.__dataclass_fields__)[2:]
    table: dict[str, list[float]] = {key: [] for key in fields}
    parameters: list[int] = []
    print(f"width  parameters  train accuracy  test accuracy   test loss      ({cfg.seeds} seeds)")
    # --8<-- [start:sweep]
    for width in tqdm(cfg.widths, leave=False):
        runs = []
        for seed in range(cfg.seeds):
            data = (*moons(cfg.points, cfg.noise, seed), x_test, y_test)
            model = train(data, [width, width], cfg.epochs, cfg.lr, seed)[0]
            runs.append(scores(model, data))
            # --8<-- [end:sweep]
        parameters.append(sum(p.numel() for p in mlp(2, [width, width], 1).parameters()))
        for name in ("train_accuracy", "test_accuracy", "test_loss"):
            mean, sem = summary(runs, name)
            table[f"{name}_mean"].append(mean)
            table[f"{name}_sem"].append(sem)
        row = [
            f"{table[f'{n}_mean'][-1]:.3f} ± {table[f'{n}_sem'][-1]:.3f}"
            for n in ("train_accuracy", "test_accuracy", "test_loss")
        ]
        print(f"{width:5d}  {parameters[-1]:10d}  " + "   ".join(row))
    figure, (accuracy, loss) = plt.subplots(1, 2, figsize=(11, 4))
    for name, label in (
        ("train_accuracy", "training accuracy"),
        ("test_accuracy", "test accuracy"),
    ):
        accuracy.errorbar(
            parameters, table[f"{name}_mean"], yerr=table[f"{name}_sem"], marker="o", label=label
        )
    accuracy.set_xscale("log")
    accuracy.set_title(f"Accuracy, mean ± standard error over {cfg.seeds} seeds")
    accuracy.set_xlabel("parameters of the network (log scale)")
    accuracy.set_ylabel("fraction classified correctly")
    accuracy.legend()
    loss.errorbar(
        parameters,
        table["test_loss_mean"],
        yerr=table["test_loss_sem"],
        marker="o",
        color="tab:orange",
        label="test loss",
    )
    loss.set_xscale("log")
    loss.set_title("Test loss of the same networks")
    loss.set_xlabel("parameters of the network (log scale)")
    loss.set_ylabel("test binary cross-entropy")
    loss.legend()
    figure.tight_layout()
    figure.savefig(cfg.out_dir / "complexity.png", dpi=120)
    plt.close(figure)
    return Result(widths=cfg.widths, parameters=parameters, **table)


if __name__ == "__main__":
    main(tyro.cli(Config))
