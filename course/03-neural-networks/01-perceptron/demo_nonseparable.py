"""Demo 4 of Part 3.1: on overlapping clouds the perceptron never settles: its weights
return to an earlier value and loop forever. Averaging the weights is the fix."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro

from perceptron import augment, errors, overlapping_data, update
from rlcourse.stats import mean_and_standard_error


@dataclass(frozen=True)
class Config:
    seeds: int = 5
    points: int = 100  # training points per seed
    test_points: int = 2000  # fresh points from the same clouds, for accuracy
    spread: float = 1.5  # standard deviation of each cloud around (-1, -1) and (1, 1)
    epochs: int = 50
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    cycle_start: list[int]  # per seed: the first epoch whose end weights come back
    cycle_length: list[int]  # epochs between two visits of the same weights
    last_accuracy: list[float]  # test accuracy of the weights after the last epoch
    averaged_accuracy: list[float]  # test accuracy of the averaged weights
    last_mean: float
    last_sem: float
    averaged_mean: float
    averaged_sem: float
    loop_errors: list[
        int
    ]  # seed 0: training errors of the weights after each step of the last epoch
    loop_fewest: int  # the fewest and most of loop_errors
    loop_most: int
    averaged_errors: int  # seed 0: training errors of the averaged weights


# --8<-- [start:averaged]
def averaged_perceptron(
    xs: torch.Tensor, ys: torch.Tensor, epochs: int
) -> tuple[list[torch.Tensor], list[torch.Tensor], torch.Tensor]:
    """The plain perceptron for a fixed number of epochs, keeping the running sum of the
    weights after every step. Returns the weights after each step, after each epoch, and
    their average over all steps: w_avg = (1 / (epochs n)) sum_t w_t."""
    weights = torch.zeros(xs.shape[1])
    total = torch.zeros(xs.shape[1])
    steps: list[torch.Tensor] = []
    ends: list[torch.Tensor] = []
    for _ in range(epochs):
        for x, y in zip(xs, ys.tolist(), strict=True):
            weights, _ = update(weights, x, y)
            total = total + weights
            steps.append(weights)
        ends.append(weights)
    return steps, ends, total / (epochs * len(xs))


def first_repeat(ends: list[torch.Tensor]) -> tuple[int, int]:
    """The first epoch (1-based) whose end weights equal an earlier epoch's, and how many
    epochs lie between them. The same weights, data and order mean the same next epoch,
    so from there the weights loop forever. (0, 0) if no repeat was seen."""
    seen: dict[tuple[float, ...], int] = {}
    for epoch, weights in enumerate(ends, start=1):
        key = tuple(weights.tolist())
        if key in seen:
            return epoch, epoch - seen[key]
        seen[key] = epoch
    return 0, 0


# --8<-- [end:averaged]


def accuracy(weights: torch.Tensor, xs: torch.Tensor, ys: torch.Tensor) -> float:
    return 1.0 - errors(weights, xs, ys) / len(xs)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    starts: list[int] = []
    lengths: list[int] = []
    last: list[float] = []
    averaged: list[float] = []
    loop_errors: list[int] = []  # filled for seed 0, which is drawn
    averaged_errors = -1
    for seed in range(cfg.seeds):
        generator = torch.Generator().manual_seed(seed)
        points, labels = overlapping_data(cfg.points, cfg.spread, generator)
        test_points, test_labels = overlapping_data(cfg.test_points, cfg.spread, generator)
        xs, test_xs = augment(points), augment(test_points)
        steps, ends, mean_weights = averaged_perceptron(xs, labels, cfg.epochs)
        start, length = first_repeat(ends)
        starts.append(start)
        lengths.append(length)
        last.append(accuracy(ends[-1], test_xs, test_labels))
        averaged.append(accuracy(mean_weights, test_xs, test_labels))
        print(
            f"seed {seed}: epoch {start} ends where epoch {start - length} ended "
            f"(w = {ends[start - 1].tolist()}); test accuracy: last {last[-1]:.3f}, "
            f"averaged {averaged[-1]:.3f}"
        )
        if seed == 0:
            loop_errors = [errors(w, xs, labels) for w in steps[-len(xs) :]]
            averaged_errors = errors(mean_weights, xs, labels)
            plot(steps, ends, loop_errors, averaged_errors, cfg.out_dir / "cycling.png")
            print(
                f"seed 0, last epoch: the weights after each step make {min(loop_errors)} to "
                f"{max(loop_errors)} training errors (of {len(xs)}); averaged: {averaged_errors}"
            )
    last_mean, last_sem = mean_and_standard_error(last)
    averaged_mean, averaged_sem = mean_and_standard_error(averaged)
    print(
        f"test accuracy over {cfg.seeds} seeds: last weights {last_mean:.3f} +- {last_sem:.3f}, "
        f"averaged {averaged_mean:.3f} +- {averaged_sem:.3f}"
    )
    return Result(
        cycle_start=starts,
        cycle_length=lengths,
        last_accuracy=last,
        averaged_accuracy=averaged,
        last_mean=last_mean,
        last_sem=last_sem,
        averaged_mean=averaged_mean,
        averaged_sem=averaged_sem,
        loop_errors=loop_errors,
        loop_fewest=min(loop_errors),
        loop_most=max(loop_errors),
        averaged_errors=averaged_errors,
    )


def plot(
    steps: list[torch.Tensor],
    ends: list[torch.Tensor],
    loop_errors: list[int],
    averaged_errors: int,
    path: Path,
) -> None:
    n = len(loop_errors)
    first = torch.stack([torch.zeros(3), *steps[:n]])  # epoch 1, from w = 0
    last = torch.stack(steps[-n - 1 :])  # the last epoch, from the previous epoch's end
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2))
    left.plot(first[:, 0], first[:, 1], color="grey", linestyle=":", label="epoch 1, from w = 0")
    left.plot(last[:, 0], last[:, 1], color="tab:blue", label=f"epoch {len(ends)}")
    stack = torch.stack(ends)
    left.scatter(stack[:, 0], stack[:, 1], color="red", zorder=3, label="end of each epoch")
    left.set(xlabel="$w_0$", ylabel="$w_1$", title="Weights $(w_0, w_1)$ after each step, seed 0")
    left.set_aspect("equal")
    left.legend()
    right.plot(range(1, len(loop_errors) + 1), loop_errors, label="weights after the step")
    right.axhline(averaged_errors, color="black", linestyle="--", label="averaged weights")
    right.set(
        xlabel="step of the last epoch",
        ylabel=f"training errors (of {len(loop_errors)})",
        title="Where you stop decides the errors",
    )
    right.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
