"""Exercise 4: draw a stochastic policy and its value function on a gridworld.

Fill in the two functions, then run this file and `rlcourse check 4.6`.
"""

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
    raise NotImplementedError("expected_moves")


def draw_policy(values: torch.Tensor, policy: torch.Tensor, grid: GridWorldEnv, path: Path) -> None:
    """Save a PNG: a heatmap of values (S,) on the floor cells (NaN elsewhere) and, on every
    floor cell, an arrow centred on the cell along its expected move (length in cells)."""
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100, layout="constrained")
    ax.set_title("expected move of each step, over the policy's values")
    # TODO: ax.imshow the values (NaN off the floor) with a colour bar, and ax.quiver one
    # arrow per floor cell from expected_moves(policy, grid). Make sure that a policy that
    # moves up draws arrows that point up on the screen. Then fig.savefig(path).
    plt.close(fig)
    raise NotImplementedError("draw_policy")


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
