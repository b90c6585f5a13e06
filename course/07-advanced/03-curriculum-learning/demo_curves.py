"""Demo 3: learning curves on the hardest task, with and without a curriculum, and with a
curriculum that moves on when the current task is mastered: mean and standard-error
band over 10 seeds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro
from tqdm import tqdm

from curriculum import Run, train
from rlcourse.stats import mean_and_standard_error
from tasks import BANDS, HELD_OUT, MAZE, task_family

SCHEDULES = ("none", "fixed", "adaptive")


@dataclass(frozen=True)
class Config:
    episodes: int = 500
    seeds: int = 10
    eval_every: int = 10  # episodes between exact evaluations of the greedy policy
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    seeds: int
    # per schedule: the first evaluation (in episodes) whose mean success reached 0.9; -1: never
    episodes_to_90: dict[str, int]
    success_at_half: dict[str, list[float]]  # after half the episodes: [mean, se]
    steps_to_90: dict[str, list[float]]  # environment steps then, [mean, se] over seeds; -1 never


# --8<-- [start:band]
def mean_and_band(curves: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean over seeds (axis 0) and the band mean ± standard error (sample std, n - 1)."""
    mean = curves.mean(axis=0)
    error = curves.std(axis=0, ddof=1) / np.sqrt(len(curves))
    return mean, mean - error, mean + error


# --8<-- [end:band]


def main(cfg: Config) -> Result:
    tasks = task_family(MAZE, BANDS, held_out=HELD_OUT)
    runs: dict[str, list[Run]] = {
        name: [train(tasks, name, cfg.episodes, seed, cfg.eval_every) for seed in range(cfg.seeds)]
        for name in tqdm(SCHEDULES)
    }
    episodes = np.arange(1, cfg.episodes // cfg.eval_every + 1) * cfg.eval_every
    half = len(episodes) // 2 - 1
    to_90: dict[str, int] = {}
    at_half: dict[str, list[float]] = {}
    steps_90: dict[str, list[float]] = {}
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4), dpi=100, layout="constrained")
    for name, group in runs.items():
        success = np.array([run.success for run in group])  # (seeds, evaluations)
        steps = np.array([run.steps for run in group])
        mean, low, high = mean_and_band(success)
        left.plot(episodes, mean, label=name)
        left.fill_between(episodes, low, high, alpha=0.25)
        step_mean, step_low, step_high = mean_and_band(steps)
        right.plot(episodes, step_mean, label=name)
        right.fill_between(episodes, step_low, step_high, alpha=0.25)
        reached = np.flatnonzero(mean >= 0.9)
        to_90[name] = int(episodes[reached[0]]) if reached.size else -1
        at_half[name] = list(mean_and_standard_error(success[:, half]))
        steps_90[name] = (
            list(mean_and_standard_error(steps[:, reached[0]])) if reached.size else [-1.0, -1.0]
        )
    print(f"{cfg.seeds} seeds; success of the greedy policy on the hardest task (exact)")
    for name in SCHEDULES:
        when = f"after {to_90[name]} episodes" if to_90[name] > 0 else "never"
        print(
            f"  {name:<9} at episode {episodes[half]}: {at_half[name][0]:.3f} ± "
            f"{at_half[name][1]:.3f}; mean reached 0.9 {when}"
            + (f" ({steps_90[name][0]:,.0f} steps)" if to_90[name] > 0 else "")
        )
    left.set(
        xlabel="training episode",
        ylabel="greedy success on the hardest task",
        title=f"Learning curves, mean ± standard error of {cfg.seeds} seeds",
    )
    right.set(
        xlabel="training episode", ylabel="environment steps so far", title="What the episodes cost"
    )
    left.legend(title="curriculum")
    right.legend(title="curriculum")
    fig.savefig(cfg.out_dir / "curves.png")
    plt.close(fig)
    return Result(cfg.seeds, to_90, at_half, steps_90)


if __name__ == "__main__":
    main(tyro.cli(Config))
