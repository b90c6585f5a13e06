"""Exercise 4: draw a stochastic policy and its value function on a gridworld."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch

from rlcourse.dp import solve_policy_values, value_iteration
from rlcourse.envs.gridworld import MAZE_LAYOUT, GridWorldEnv
from rlcourse.mdp import tabular_mdp


def expected_moves(policy: torch.Tensor, grid: GridWorldEnv) -> tuple[np.ndarray, np.ndarray]:
    """The expected change of column and of row in one step of ``policy`` (S, A), slips
    and walls included (they are in grid.P), each of shape (n_rows, n_cols), NaN on
    walls, goal and traps (no step starts there).

        d_col(s) = sum_a pi(a|s) sum_{s'} p(s'|s, a) (col(s') - col(s)), same for rows.
    """
    d_col = np.full((grid.n_rows, grid.n_cols), np.nan)
    d_row = np.full((grid.n_rows, grid.n_cols), np.nan)
    for state in range(grid.n_rows * grid.n_cols):
        if grid.cell(state) not in ".S":
            continue
        row, col = divmod(state, grid.n_cols)
        d_col[row, col] = d_row[row, col] = 0.0
        for action, outcomes in grid.P[state].items():
            for probability, next_state, _, _ in outcomes:
                next_row, next_col = divmod(next_state, grid.n_cols)
                weight = float(policy[state, action]) * probability
                d_col[row, col] += weight * (next_col - col)
                d_row[row, col] += weight * (next_row - row)
    return d_col, d_row


def draw_policy(values: torch.Tensor, policy: torch.Tensor, grid: GridWorldEnv, path: Path) -> None:
    """Save a PNG: a heatmap of values (S,) on the floor cells (NaN elsewhere) and, on every
    floor cell, an arrow centred on the cell along its expected move (length in cells)."""
    d_col, d_row = expected_moves(policy, grid)
    floor = ~np.isnan(d_col)
    shown = np.where(floor, values.numpy().reshape(grid.n_rows, grid.n_cols), np.nan)
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100, layout="constrained")
    image = ax.imshow(shown, cmap="viridis")
    fig.colorbar(image, ax=ax, label="v_pi(s)")
    rows, cols = np.nonzero(floor)
    # angles="xy": an arrow (u, v) goes from (x, y) to (x + u, y + v) in data coordinates.
    # imshow puts row 0 at the top, so v = d_row points the right way; the default
    # angles="uv" would draw v upwards on the screen and flip every vertical move.
    ax.quiver(
        cols,
        rows,
        d_col[floor],
        d_row[floor],
        angles="xy",
        scale_units="xy",
        scale=1,
        pivot="middle",
        color="white",
        width=0.006,
    )
    for state in range(grid.n_rows * grid.n_cols):
        if grid.cell(state) in "GT#":
            row, col = divmod(state, grid.n_cols)
            ax.text(col, row, grid.cell(state), ha="center", va="center")
    ax.set_title("expected move of each step, over the policy's values")
    ax.set_xticks([])
    ax.set_yticks([])
    fig.savefig(path)
    plt.close(fig)


if __name__ == "__main__":
    gamma, epsilon = 0.95, 0.4
    grid = GridWorldEnv(layout=MAZE_LAYOUT, goal_reward=10.0, slip_probability=0.2)
    n_states = grid.n_rows * grid.n_cols
    mdp = tabular_mdp(grid.P, n_states, 4)
    optimal = value_iteration(mdp, gamma).q_values.argmax(dim=1)  # (S,)
    # epsilon-greedy around the optimal actions: a policy that is not deterministic.
    policy = torch.full((n_states, 4), epsilon / 4, dtype=torch.float64)
    policy[torch.arange(n_states), optimal] += 1 - epsilon
    values = solve_policy_values(mdp, policy, gamma)
    start = int(np.argmax(grid.initial_state_distrib))
    d_col, d_row = expected_moves(policy, grid)
    row, col = divmod(start, grid.n_cols)
    print(f"epsilon-greedy policy at the start: v = {float(values[start]):.2f}")
    print(f"expected move: {d_col[row, col]:+.3f} columns, {d_row[row, col]:+.3f} rows")
    draw_policy(values, policy, grid, Path("maze_policy.png"))
    print("saved maze_policy.png")
