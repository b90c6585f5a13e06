"""Demo 2 of Part 6.6: batch size and learning rate against speed (samples per second)
and against the score reached after a fixed number of epochs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro
from tqdm import tqdm

from rlcourse.devices import choose_device
from workload import accuracy, adam, load, make_network, median_seconds, train_epochs


@dataclass(frozen=True)
class Config:
    device: str | None = None  # "cpu", "mps" or "cuda"; None: the best available
    batch_sizes: tuple[int, ...] = (16, 64, 256, 1024)
    learning_rates: tuple[float, ...] = (1e-3, 3e-3, 1e-2)
    epochs: int = 20  # the same number of passes over the data for every setting
    hidden_sizes: tuple[int, ...] = (256, 256)
    repeats: int = 5  # timed epochs per batch size; the median is reported
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    device: str
    samples_per_second: list[float]  # per batch size, median epoch
    steps_per_second: list[float]
    test_accuracy: list[list[float]]  # [batch size][learning rate], after `epochs` epochs
    training_seconds: list[list[float]]  # one run each: noisy


# --8<-- [start:sweep]
def main(cfg: Config) -> Result:
    torch.set_num_threads(1)
    device = choose_device(cfg.device)
    data = load(device)
    n = len(data.train_labels)
    speed, steps_speed, scores, seconds = [], [], [], []
    for batch_size in tqdm(cfg.batch_sizes, "batch sizes"):
        network = make_network(cfg.hidden_sizes, device, seed=0)
        optimizer = adam(network, 1e-3)
        one_epoch = partial(train_epochs, network, optimizer, data, 1, batch_size, 0)
        epoch = median_seconds(one_epoch, device, cfg.repeats)
        speed.append(n / epoch)
        steps_speed.append(-(-n // batch_size) / epoch)
        row_scores, row_seconds = [], []
        for learning_rate in cfg.learning_rates:
            network = make_network(cfg.hidden_sizes, device, seed=0)  # a fresh start
            optimizer = adam(network, learning_rate)
            whole_run = partial(train_epochs, network, optimizer, data, cfg.epochs, batch_size, 0)
            seconds_taken = median_seconds(whole_run, device, repeats=1, warmup=0)  # one run
            row_scores.append(accuracy(network, data.test_inputs, data.test_labels))
            row_seconds.append(seconds_taken)
        scores.append(row_scores)
        seconds.append(row_seconds)
    # --8<-- [end:sweep]
    print(
        f"device: {device}; {cfg.epochs} epochs of {n} training images; "
        f"speed: median of {cfg.repeats} epochs"
    )
    header = " | ".join(f"lr {lr:g}: acc, s" for lr in cfg.learning_rates)
    print(f"batch | samples/s | steps/s | {header}")
    for i, batch_size in enumerate(cfg.batch_sizes):
        cells = " | ".join(
            f"{score:6.1%}, {sec:4.1f}" for score, sec in zip(scores[i], seconds[i], strict=True)
        )
        print(f"{batch_size:5d} | {speed[i]:9,.0f} | {steps_speed[i]:7,.0f} | {cells}")
    plot(cfg, speed, scores, cfg.out_dir / "batch_size.png")
    return Result(device.type, speed, steps_speed, scores, seconds)


def plot(cfg: Config, speed: list[float], scores: list[list[float]], path: Path) -> None:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, (speed_ax, score_ax) = plt.subplots(1, 2, figsize=(11, 4), dpi=110)
    speed_ax.plot(cfg.batch_sizes, speed, "o-", label="samples per second")
    speed_ax.set(
        xscale="log", yscale="log", xlabel="batch size", ylabel="training samples per second"
    )
    speed_ax.set_title("Throughput (median epoch)")
    speed_ax.legend(loc="upper left")
    for j, learning_rate in enumerate(cfg.learning_rates):
        column = [row[j] for row in scores]
        score_ax.plot(cfg.batch_sizes, column, "o-", label=f"learning rate {learning_rate:g}")
    score_ax.set(xscale="log", xlabel="batch size", ylabel="test accuracy")
    score_ax.set_title(f"Score after {cfg.epochs} epochs")
    # Below the axes: inside, the points of some learning rate fill every corner.
    score_ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=3, fontsize=8)
    fig.tight_layout()
    fig.savefig(path, bbox_inches="tight")
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
