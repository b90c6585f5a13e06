"""Demo 2 of Part 3.8: a network with one hidden layer of 800 units, trained on the
digits from several seeds, its accuracy on the test split and its loss curves."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro
from tqdm import tqdm

from digit_data import DEFAULT_ROOT, accuracy, load_digit_data, predict, train_shallow
from rlcourse.stats import mean_and_standard_error


@dataclass(frozen=True)
class Config:
    hidden: int = 800  # units of the one hidden layer (LeCun's table lists 800)
    epochs: int = 20  # passes over the training images
    batch_size: int = 64
    lr: float = 1e-3  # Adam's step size
    seeds: int = 3  # each seed: its own initial weights and batch order
    data_dir: Path = DEFAULT_ROOT
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    dataset: str  # which data set every number below came from
    parameter_count: int
    train_accuracy: list[float]  # per seed
    test_accuracy: list[float]  # per seed
    final_loss: list[float]  # per seed: mean training loss of the last epoch
    test_accuracy_mean: float
    test_accuracy_sem: float
    train_accuracy_mean: float


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    torch.set_num_threads(1)  # small batches: a second thread adds overhead, not speed
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    data = load_digit_data(cfg.data_dir)
    curves: list[list[float]] = []
    train_accuracy: list[float] = []
    test_accuracy: list[float] = []
    parameter_count = 0
    for seed in tqdm(range(cfg.seeds), desc="seeds"):
        model, losses = train_shallow(data, cfg.hidden, cfg.epochs, cfg.batch_size, cfg.lr, seed)
        train_accuracy.append(accuracy(predict(model, data.train_images)[0], data.train_labels))
        test_accuracy.append(accuracy(predict(model, data.test_images)[0], data.test_labels))
        curves.append(losses)
        parameter_count = sum(p.numel() for p in model.parameters())
        print(
            f"seed {seed}: loss {losses[0]:.3f} -> {losses[-1]:.4f}, accuracy train "
            f"{train_accuracy[-1]:.4f}, test {test_accuracy[-1]:.4f}"
        )
    mean, sem = mean_and_standard_error(test_accuracy)
    print(f"{data.name}, {parameter_count:,} parameters, {cfg.seeds} seeds: "
          f"test accuracy {mean:.4f} +- {sem:.4f}")  # fmt: skip
    # --8<-- [end:main]
    plot_losses(curves, data.name, cfg.out_dir / "training_loss.png")
    return Result(
        dataset=data.name,
        parameter_count=parameter_count,
        train_accuracy=train_accuracy,
        test_accuracy=test_accuracy,
        final_loss=[curve[-1] for curve in curves],
        test_accuracy_mean=mean,
        test_accuracy_sem=sem,
        train_accuracy_mean=mean_and_standard_error(train_accuracy)[0],
    )


def plot_losses(curves: list[list[float]], dataset: str, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(6.5, 4))
    for seed, curve in enumerate(curves):
        ax.plot(range(1, len(curve) + 1), curve, marker=".", label=f"seed {seed}")
    ax.set(xlabel="epoch", ylabel="mean training cross-entropy", yscale="log")
    ax.set_title(f"Shallow network on {dataset}: training loss")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
