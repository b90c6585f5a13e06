"""Demo 4: transfer. The agents of Demo 3 are tested, greedy and unchanged, on variants no
training episode used: starts held out of every task, moves that slip, and both."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro
from tqdm import tqdm

from curriculum import train
from rlcourse.stats import mean_and_standard_error
from tasks import (
    BANDS,
    HELD_OUT,
    MAZE,
    greedy_policy,
    success_probability,
    task_family,
    with_starts,
)

SCHEDULES = ("none", "fixed", "adaptive")


@dataclass(frozen=True)
class Config:
    episodes: int = 500
    seeds: int = 10
    slip: float = 0.1  # probability that a move goes sideways in the slippery variants
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    variants: list[str]
    # per schedule: per variant, exact greedy success [mean, standard error] over seeds
    success: dict[str, list[list[float]]]


def main(cfg: Config) -> Result:
    tasks = task_family(MAZE, BANDS, held_out=HELD_OUT)
    # --8<-- [start:variants]
    held_out = with_starts(MAZE, HELD_OUT)
    variants = {  # name -> (layout, slip): none of them was ever trained on
        "hardest task": (tasks[-1], 0.0),
        "held-out starts": (held_out, 0.0),
        "hardest, slippery": (tasks[-1], cfg.slip),
        "held-out, slippery": (held_out, cfg.slip),
    }
    success: dict[str, list[list[float]]] = {}
    for schedule in tqdm(SCHEDULES):
        policies = [
            greedy_policy(train(tasks, schedule, cfg.episodes, s).q) for s in range(cfg.seeds)
        ]
        success[schedule] = [
            list(mean_and_standard_error([success_probability(layout, p, slip) for p in policies]))
            for layout, slip in variants.values()
        ]
    # --8<-- [end:variants]
    print(f"exact greedy success, mean ± standard error over {cfg.seeds} seeds")
    print(f"{'':<20}" + "".join(f"{name:>18}" for name in SCHEDULES))
    for v, name in enumerate(variants):
        cells = (f"{success[s][v][0]:.3f} ± {success[s][v][1]:.3f}" for s in SCHEDULES)
        print(f"{name:<20}" + "".join(f"{cell:>18}" for cell in cells))

    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(8, 4), dpi=100, layout="constrained")
    x = np.arange(len(variants))
    for k, schedule in enumerate(SCHEDULES):
        means, errors = np.array(success[schedule]).T
        ax.bar(x + (k - 1) * 0.27, means, 0.27, yerr=errors, capsize=3, label=schedule)
    ax.set_xticks(x, list(variants))
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("greedy success probability")
    ax.set_title(f"The trained task and its variants, mean ± standard error of {cfg.seeds} seeds")
    ax.legend(title="curriculum")
    fig.savefig(cfg.out_dir / "transfer.png")
    plt.close(fig)
    return Result(list(variants), success)


if __name__ == "__main__":
    main(tyro.cli(Config))
