"""Demo 4: what the self-play agents learned: the values of the first moves, the openings
they chose, and O's best answer to each opening."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro
from matplotlib.axes import Axes

from rlcourse.envs.tictactoe import CROSS, EMPTY, NOUGHT
from selfplay import after, train

EMPTY_BOARD = (EMPTY,) * 9


@dataclass(frozen=True)
class Config:
    seeds: tuple[int, ...] = (0, 1, 2)
    games: int = 60_000  # self-play games per seed (Demo 3's, so its agents are reused)
    last_share: float = 0.2  # openings counted over this last share of the games
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    first_move_values: list[list[float]]  # per seed: X's V(after(empty, cell)), 9 cells
    opening_shares: list[float]  # 9 cells: share of X's free openings late in training
    reply_values: list[float]  # 9 cells: O's value of its best reply to that X opening
    greedy_openings: list[int]  # per seed: the cell X's greedy policy opens with
    greedy_replies: list[list[int]]  # per seed: O's greedy reply to each of the 9 openings


# --8<-- [start:analyse]
def first_move_values(values: dict[tuple[int, ...], float]) -> np.ndarray:
    """X's learned value of each first move, as a 3 x 3 grid."""
    return np.array([values.get(after(EMPTY_BOARD, cell), 0.0) for cell in range(9)]).reshape(3, 3)


def opening_shares(openings: list[int], last_share: float) -> np.ndarray:
    """How often each cell opened the late self-play games whose first move X chose itself
    (random starts excluded), as a 3 x 3 grid of shares that sum to 1."""
    late = np.array(openings[len(openings) - round(len(openings) * last_share) :])
    chosen = late[late >= 0]
    return (np.bincount(chosen, minlength=9) / len(chosen)).reshape(3, 3)


# --8<-- [end:analyse]


def main(cfg: Config) -> Result:
    values, shares, replies, greedy_openings, greedy_replies = [], [], [], [], []
    for seed in cfg.seeds:
        agents, openings = train(cfg.games, seed)  # Demo 3's agents, trained again if alone
        values.append(first_move_values(agents[CROSS].values))
        shares.append(opening_shares(openings, cfg.last_share))
        noughts = agents[NOUGHT]
        boards = [after(EMPTY_BOARD, cell) for cell in range(9)]
        replies.append([max(noughts.action_values(board).values()) for board in boards])
        greedy_openings.append(agents[CROSS].greedy(EMPTY_BOARD))
        greedy_replies.append([noughts.greedy(board) for board in boards])
    mean_values = np.mean(values, axis=0)
    mean_shares = np.mean(shares, axis=0)
    mean_replies = np.array(replies).mean(axis=0).reshape(3, 3)
    np.set_printoptions(precision=2, suppress=True, floatmode="fixed")
    print(f"X's learned value of each first move, mean of {len(cfg.seeds)} seeds:\n{mean_values}")
    print(f"share of late self-play games opened on each cell:\n{mean_shares}")
    print(f"O's value of its best reply to each opening:\n{mean_replies}")
    print(f"X's greedy opening per seed: {greedy_openings} (cells 0-8, row by row)")
    for seed, reply in zip(cfg.seeds, greedy_replies, strict=True):
        print(f"seed {seed}: O's greedy reply to openings 0-8: {reply}")
    plot(cfg.out_dir, mean_values, mean_shares, mean_replies, len(cfg.seeds))
    return Result(
        first_move_values=[grid.flatten().tolist() for grid in values],
        opening_shares=mean_shares.flatten().tolist(),
        reply_values=mean_replies.flatten().tolist(),
        greedy_openings=greedy_openings,
        greedy_replies=greedy_replies,
    )


def heatmap(ax: Axes, grid: np.ndarray, title: str, low: float, high: float) -> None:
    image = ax.imshow(grid, cmap="viridis", vmin=low, vmax=high)
    for (row, column), value in np.ndenumerate(grid):
        ax.text(column, row, f"{value:.2f}", ha="center", va="center", color="white")
    ax.set(title=title, xticks=range(3), yticks=range(3), xlabel="column", ylabel="row")
    ax.figure.colorbar(image, ax=ax, shrink=0.8)


def plot(
    out_dir: Path, values: np.ndarray, shares: np.ndarray, replies: np.ndarray, seeds: int
) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    fig, axes = plt.subplots(1, 3, figsize=(13, 4), dpi=100, layout="constrained")
    heatmap(axes[0], values, f"X's value of each first move\n(mean of {seeds} seeds)", -1, 1)
    heatmap(axes[1], shares, "Share of late games\nopened on each cell", 0, float(shares.max()))
    heatmap(axes[2], replies, "O's value of its best reply\nto X opening on each cell", -1, 1)
    fig.savefig(out_dir / "strategies.png")
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
