"""Demo 2: the same Q-learning agent, trained on the hardest task alone or on the five
tasks easiest first, for the same number of episodes, over 10 seeds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import tyro
from tqdm import tqdm

from curriculum import train
from rlcourse.stats import mean_and_standard_error
from tasks import BANDS, HELD_OUT, MAZE, task_family


@dataclass(frozen=True)
class Config:
    episodes: int = 500  # training episodes per run, in all
    seeds: int = 10
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    seeds: int
    # per schedule ("none", "fixed"):
    final_success: dict[str, list[float]]  # greedy success on the hardest task: [mean, se]
    seeds_that_saw_the_goal: dict[str, int]
    goal_episodes: dict[str, list[float]]  # training episodes that reached it: [mean, se]
    steps: dict[str, list[float]]  # environment steps used: [mean, se]


def main(cfg: Config) -> Result:
    tasks = task_family(MAZE, BANDS, held_out=HELD_OUT)
    final: dict[str, list[float]] = {}
    saw: dict[str, int] = {}
    goals: dict[str, list[float]] = {}
    steps: dict[str, list[float]] = {}
    for schedule in ("none", "fixed"):
        # --8<-- [start:compare]
        runs = [train(tasks, schedule, cfg.episodes, seed) for seed in tqdm(range(cfg.seeds))]
        final[schedule] = list(mean_and_standard_error([run.success[-1] for run in runs]))
        saw[schedule] = sum(run.goal_episodes > 0 for run in runs)
        goals[schedule] = list(mean_and_standard_error([run.goal_episodes for run in runs]))
        steps[schedule] = list(mean_and_standard_error([run.steps[-1] for run in runs]))
        # --8<-- [end:compare]
    print(f"{cfg.episodes} episodes per run, {cfg.seeds} seeds, mean ± standard error")
    headers = ("final success", "seeds with a goal", "goal episodes", "env steps")
    print(f"{'schedule':<9}" + "".join(f"{h:>18}" for h in headers))
    for name in final:
        cells = (
            f"{final[name][0]:.3f} ± {final[name][1]:.3f}",
            f"{saw[name]} of {cfg.seeds}",
            f"{goals[name][0]:.1f} ± {goals[name][1]:.1f}",
            f"{steps[name][0]:,.0f} ± {steps[name][1]:,.0f}",
        )
        print(f"{name:<9}" + "".join(f"{cell:>18}" for cell in cells))
    return Result(cfg.seeds, final, saw, goals, steps)


if __name__ == "__main__":
    main(tyro.cli(Config))
