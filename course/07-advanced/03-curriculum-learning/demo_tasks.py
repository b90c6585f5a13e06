"""Demo 1: a family of tasks of increasing difficulty, the same maze with starts further
from the goal, and how hard each one is for an agent that knows nothing yet."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro

from tasks import (
    BANDS,
    HELD_OUT,
    MAZE,
    TIME_LIMIT,
    goal_distances,
    start_cells,
    success_probability,
    task_family,
    with_starts,
)


@dataclass(frozen=True)
class Config:
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    starts: list[int]  # start cells per task
    random_success: list[float]  # exact P(goal within the limit), uniform random policy
    held_out_random_success: float
    max_distance: int


def main(cfg: Config) -> Result:
    # --8<-- [start:difficulty]
    tasks = task_family(MAZE, BANDS, held_out=HELD_OUT)
    uniform = np.full((len("".join(MAZE)), 4), 0.25)  # (S, A): each move with probability 1/4
    random_success = [success_probability(task, uniform) for task in tasks]
    # --8<-- [end:difficulty]
    held_out = success_probability(with_starts(MAZE, HELD_OUT), uniform)
    distance = goal_distances(MAZE)
    print(f"{TIME_LIMIT}-step episodes; a random walk's exact chance of reaching the goal:")
    for k, ((low, high), task) in enumerate(zip(BANDS, tasks, strict=True)):
        print(
            f"  task {k + 1}: {low:>2}-{high:<2} moves away, {len(start_cells(task)):>2} starts, "
            f"{random_success[k]:.5f}"
        )
    print(f"  held out: {len(HELD_OUT)} starts 15-19 moves away, {held_out:.5f}")

    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(6.5, 5), dpi=100, layout="constrained")
    grid = np.ma.masked_less(distance.reshape(len(MAZE), -1).astype(float), 0)
    image = ax.imshow(grid, cmap="viridis")
    fig.colorbar(image, ax=ax, label="moves to the goal", shrink=0.8)
    n_cols = len(MAZE[0])
    for cell in range(distance.size):
        row, col = divmod(cell, n_cols)
        if MAZE[row][col] == "G":
            ax.text(col, row, "G", ha="center", va="center", color="white", weight="bold")
        elif cell in HELD_OUT:
            ax.text(col, row, "×", ha="center", va="center", color="white")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title("The maze: distance to the goal (walls blank, × held out)")
    fig.savefig(cfg.out_dir / "maze.png")
    plt.close(fig)
    return Result(
        starts=[len(start_cells(task)) for task in tasks],
        random_success=random_success,
        held_out_random_success=held_out,
        max_distance=int(distance.max()),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
