"""Demo 3: the learned Q-tables of Q-learning and SARSA on the cliff, drawn as heatmaps."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import tyro
from matplotlib.axes import Axes
from matplotlib.image import AxesImage

from rlcourse.agents.tabular import Algorithm, greedy_actions, table_shape, train
from rlcourse.dp import value_iteration
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import (
    ACTION_ARROWS,
    ACTION_NAMES,
    CLIFF_LAYOUT,
    UP,
    GridWorldEnv,
    unwrap_gridworld,
)
from rlcourse.mdp import tabular_mdp
from rlcourse.seeding import seed_everything

LABELS: dict[Algorithm, str] = {"q_learning": "Q-learning", "sarsa": "SARSA"}


@dataclass(frozen=True)
class Config:
    episodes: int = 1000
    alpha: float = 0.1
    gamma: float = 1.0
    epsilon: float = 0.1
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    optimal_start_value: float  # V*(start), by value iteration
    q_learning_start_value: float  # max_a Q(start, a) learned by Q-learning
    sarsa_start_value: float  # max_a Q(start, a) learned by SARSA
    cells_above_traps: int  # cells in the row just above the traps
    sarsa_up_above_traps: int  # of those, cells where SARSA's greedy action is up


# --8<-- [start:grids]
def value_and_arrow_grids(grid: GridWorldEnv, q: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """max_a Q per cell, shape (n_rows, n_cols), NaN on walls and terminal cells, and the
    greedy arrows as one string per row (terminal cells keep their letter)."""
    values = q.max(axis=1)  # (n_states,)
    values[[grid.is_terminal(s) for s in range(len(values))]] = np.nan
    greedy = greedy_actions(q)
    arrows = [
        "".join(
            ACTION_ARROWS[greedy[s]] if grid.cell(s) in ".S" else grid.cell(s)
            for s in range(row * grid.n_cols, (row + 1) * grid.n_cols)
        )
        for row in range(grid.n_rows)
    ]
    return grid.to_grid(values), arrows


# --8<-- [end:grids]


def draw_grid(ax: Axes, values: np.ndarray, arrows: list[str]) -> AxesImage:
    """A heatmap of ``values`` (n_rows, n_cols) with the arrows or letters on top."""
    image = ax.imshow(values, cmap="viridis")
    for row, line in enumerate(arrows):
        for col, char in enumerate(line):
            colour = "black" if char in "GT#" else "white"
            ax.text(col, row, char, ha="center", va="center", color=colour, fontsize=12)
    ax.set_xticks([])
    ax.set_yticks([])
    return image


def main(cfg: Config) -> Result:
    seed_everything(cfg.seed)
    env = gym.make(GRIDWORLD_ID, layout=CLIFF_LAYOUT)
    grid = unwrap_gridworld(env)
    mdp = tabular_mdp(grid.P, *table_shape(env))
    start = int(np.argmax(grid.initial_state_distrib))
    optimal_start = float(value_iteration(mdp, cfg.gamma).values[start])

    tables: dict[Algorithm, np.ndarray] = {}
    for algorithm in ("q_learning", "sarsa"):
        tables[algorithm], _ = train(
            env, algorithm, cfg.episodes, cfg.alpha, cfg.gamma, cfg.epsilon, cfg.seed
        )

    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, axes = plt.subplots(2, 1, figsize=(7, 5), dpi=100, layout="constrained")
    for ax, (algorithm, q) in zip(axes, tables.items(), strict=True):
        values, arrows = value_and_arrow_grids(grid, q)
        image = draw_grid(ax, values, arrows)
        fig.colorbar(image, ax=ax, label="max_a Q(s, a)")
        ax.set_title(f"{LABELS[algorithm]}: state values and greedy actions")
        print(f"{LABELS[algorithm]} greedy actions:")
        print("\n".join(arrows))
    fig.savefig(cfg.out_dir / "q_table_heatmaps.png")
    plt.close(fig)

    # The whole table: one heatmap per action, for SARSA.
    fig, axes = plt.subplots(2, 2, figsize=(8, 3.4), dpi=100, layout="constrained")
    q = tables["sarsa"]
    shown = q.copy()
    shown[[grid.is_terminal(s) for s in range(len(q))]] = np.nan
    images = [
        ax.imshow(grid.to_grid(shown[:, action]), cmap="viridis", vmin=-100, vmax=0)
        for action, ax in enumerate(axes.flat)
    ]
    for action, ax in enumerate(axes.flat):
        ax.set_title(f"SARSA: Q(s, {ACTION_NAMES[action]})")
        ax.set_xticks([])
        ax.set_yticks([])
    fig.colorbar(images[0], ax=axes, label="Q(s, a)")  # one shared scale, -100 to 0
    fig.savefig(cfg.out_dir / "sarsa_action_values.png")
    plt.close(fig)

    # The row just above the traps: in how many of its cells does SARSA's greedy action
    # point up, away from them?
    trap_row = min(s for s in range(len(q)) if grid.cell(s) == "T") // grid.n_cols
    above_row = np.arange((trap_row - 1) * grid.n_cols, trap_row * grid.n_cols)
    sarsa_up = int(np.sum(greedy_actions(tables["sarsa"])[above_row] == UP))
    result = Result(
        optimal_start_value=optimal_start,
        q_learning_start_value=float(tables["q_learning"][start].max()),
        sarsa_start_value=float(tables["sarsa"][start].max()),
        cells_above_traps=len(above_row),
        sarsa_up_above_traps=sarsa_up,
    )
    print(f"\nstart cell: V* = {result.optimal_start_value:.2f} (value iteration)")
    print(f"Q-learning: max_a Q = {result.q_learning_start_value:.2f}")
    print(f"SARSA:      max_a Q = {result.sarsa_start_value:.2f}")
    print(
        f"SARSA's greedy action is up in {sarsa_up} of the {len(above_row)} cells "
        "of the row above the traps"
    )
    env.close()
    return result


if __name__ == "__main__":
    main(tyro.cli(Config))
