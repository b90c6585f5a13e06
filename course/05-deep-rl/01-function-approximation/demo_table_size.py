"""Demo 1: CartPole-v1 on a grid of cells, and how many of the cells random play reaches."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import tyro
from tqdm import tqdm

from cartpole_grid import make_grid_cartpole
from rlcourse.seeding import seed_everything

N_ACTIONS = 2  # CartPole: push left, push right
BYTES_PER_ENTRY = 8  # a float64 Q-value


@dataclass(frozen=True)
class Config:
    bins: tuple[int, ...] = (3, 6, 10, 20, 50)  # intervals per observation number
    random_steps: int = 50_000  # steps of uniformly random play per grid
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class GridSize:
    bins: int
    rows: int  # bins ** 4 states
    entries: int  # rows * 2 actions
    megabytes: float  # of a float64 table
    reached_fraction: float  # share of the rows that random play visited at least once


@dataclass(frozen=True)
class Result:
    grids: list[GridSize]
    atari_log10_rows: float  # log10 of the number of 84 x 84 frames with 256 grey levels


def reached_rows(bins: int, steps: int, seed: int) -> np.ndarray:
    """How often uniformly random play visits each of the bins ** 4 rows, shape (rows,)."""
    env = make_grid_cartpole(bins)
    visits = np.zeros(bins**4, dtype=np.int64)
    state, _ = env.reset(seed=seed)
    env.action_space.seed(seed)
    for _ in tqdm(range(steps), desc=f"{bins} bins", leave=False):
        visits[state] += 1
        state, _, terminated, truncated, _ = env.step(env.action_space.sample())
        if terminated or truncated:
            state, _ = env.reset()
    env.close()
    return visits


def main(cfg: Config) -> Result:
    seed_everything(cfg.seed)
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    print(f"{'bins':>5} {'rows':>12} {'entries':>12} {'table':>10} {'reached':>8}")
    grids: list[GridSize] = []
    # --8<-- [start:core]
    for bins in cfg.bins:
        rows = bins**4  # four observation numbers, each cut into `bins` intervals
        entries = rows * N_ACTIONS
        megabytes = entries * BYTES_PER_ENTRY / 1e6
        visits = reached_rows(bins, cfg.random_steps, cfg.seed)
        reached = float(np.mean(visits > 0))
        print(f"{bins:5d} {rows:12,} {entries:12,} {megabytes:8.2f}MB {reached:8.2%}")
        grids.append(GridSize(bins, rows, entries, megabytes, reached))

    # An Atari screen as the state: 84 x 84 pixels, each one of 256 grey levels.
    atari_log10_rows = 84 * 84 * math.log10(256)
    print(f"\nAtari frames, 84 x 84 pixels of 256 grey levels: 10^{atari_log10_rows:,.0f} rows")
    # --8<-- [end:core]
    return Result(grids, atari_log10_rows)


if __name__ == "__main__":
    main(tyro.cli(Config))
