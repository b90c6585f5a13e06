"""Demo 1: the ledge gridworld, registered under its own id and checked by Gymnasium."""

from __future__ import annotations

import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import tyro
from gymnasium.utils.env_checker import check_env

# The ledge and the tools all four demos share, in ledge.py beside this file.
import ledge
from rlcourse.agents.tabular import table_shape
from rlcourse.dp import solve_policy_values
from rlcourse.envs.gridworld import ACTION_NAMES, RIGHT, unwrap_gridworld
from rlcourse.mdp import deterministic_policy, tabular_mdp
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    random_episodes: int = 2000  # episodes of the uniformly random policy
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    env_id: str
    n_states: int
    n_actions: int
    checker_warnings: int  # warnings raised by gymnasium's check_env (0 means clean)
    ledge_cells: int  # n, the ledge cells between S and G
    crossing_probability_formula: float  # rho ** n
    crossing_probability_dp: float  # the same, by solving the policy's Bellman equation
    crossing_return_formula: float
    crossing_return_dp: float
    random_outcomes: dict[str, float]  # fraction of random episodes ending in each way
    random_mean_return: float


# --8<-- [start:crossing]
def crossing_formula(n: int, p: float, c: float, kappa: float, g: float) -> tuple[float, float]:
    """Probability of crossing a ledge of n cells by always moving right, and the expected
    return: V_k = rho (r_k + V_{k+1}) - beta (c + kappa), V_{n+1} = 0, r_n = g, r_k = -c."""
    rho = (1 - p) / (1 - p / 2)  # the move succeeds, given that the agent leaves the cell
    beta = 1 - rho  # it falls, given that it leaves the cell
    value = 0.0
    for k in range(n, 0, -1):  # from the last ledge cell back to the first
        reward = g if k == n else -c
        value = rho * (reward + value) - beta * (c + kappa)
    return rho**n, value


def crossing_by_dp(env: gym.Env[int, int], first_cell: int) -> tuple[float, float]:
    """The same two numbers from the model: V of "always right", by solving
    (I - P_pi) V = r_pi exactly (gamma = 1; slips make every episode end eventually)."""
    n_states, n_actions = table_shape(env)
    always_right = deterministic_policy(np.full(n_states, RIGHT), n_actions)
    grid = unwrap_gridworld(env)
    reach_goal = tabular_mdp(ledge.goal_indicator(grid).P, n_states, n_actions)
    probability = solve_policy_values(reach_goal, always_right, gamma=1.0)
    value = solve_policy_values(tabular_mdp(grid.P, n_states, n_actions), always_right, gamma=1.0)
    return float(probability[first_cell]), float(value[first_cell])


# --8<-- [end:crossing]


def random_episodes(env: gym.Env[int, int], episodes: int, seed: int) -> tuple[Counter[str], float]:
    """How episodes of uniformly random actions end ("goal", "trap" or "time_limit"), and their
    mean undiscounted return."""
    grid = unwrap_gridworld(env)
    env.reset(seed=seed)
    env.action_space.seed(seed)
    endings: Counter[str] = Counter()
    total = 0.0
    for _ in range(episodes):
        state, _ = env.reset()
        terminated = truncated = False
        while not (terminated or truncated):
            state, reward, terminated, truncated, _ = env.step(env.action_space.sample())
            total += float(reward)
        endings[{"G": "goal", "T": "trap"}[grid.cell(state)] if terminated else "time_limit"] += 1
    return endings, total / episodes


def main(cfg: Config) -> Result:
    seed_everything(cfg.seed)
    # --8<-- [start:check]
    env_id = ledge.register_ledge()
    ledge.register_ledge()  # a second call finds the id registered and does nothing
    env = gym.make(env_id)  # gym.make(env_id, trap_penalty=5.0) would override one argument
    grid = unwrap_gridworld(env)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")  # record every warning, even one already shown
        check_env(grid)  # the unwrapped env: gym.make's wrappers would make it warn
    # --8<-- [end:check]
    n_states, n_actions = table_shape(env)
    assert env.spec is not None  # gym.make always attaches the spec it was made from
    print(f"{env_id}: {n_states} states, {n_actions} actions, {env.spec.max_episode_steps} steps")
    print(f"entry point {env.spec.entry_point}, kwargs {sorted(env.spec.kwargs)}")
    print("\n".join(grid.layout))
    print(f"check_env: {len(caught)} warnings")

    ledge_cell = 2 * grid.n_cols + 4  # row 2, column 4: wall above, ravine below
    print(f"\nP[{ledge_cell}][{ACTION_NAMES[RIGHT]}], from cell {divmod(ledge_cell, grid.n_cols)}:")
    for probability, next_state, reward, terminated in grid.P[ledge_cell][RIGHT]:
        cell = divmod(next_state, grid.n_cols)
        kind = grid.cell(next_state)
        print(f"  p={probability:.2f} -> {cell} {kind!r}, reward {reward:+.0f}, {terminated=}")

    n = grid.n_cols - 2  # ledge cells (2, 1) .. (2, 8)
    formula = crossing_formula(
        n, grid.slip_probability, grid.step_cost, grid.trap_penalty, grid.goal_reward
    )
    by_dp = crossing_by_dp(env, first_cell=2 * grid.n_cols + 1)
    print(f"\nalways right from (2, 1), {n} ledge cells:")
    print(f"  P(cross)  formula {formula[0]:.4f}   dp {by_dp[0]:.4f}")
    print(f"  E[return] formula {formula[1]:.4f}   dp {by_dp[1]:.4f}")

    endings, mean_return = random_episodes(env, cfg.random_episodes, cfg.seed)
    outcomes = {
        name: endings[name] / cfg.random_episodes for name in ("goal", "trap", "time_limit")
    }
    print(f"\n{cfg.random_episodes} random episodes: ", end="")
    print(", ".join(f"{name} {share:.1%}" for name, share in outcomes.items()), end="")
    print(f"; mean return {mean_return:.2f}")

    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(7, 3), dpi=100, layout="constrained")
    picture = np.array([[ledge.CELL_COLOURS[c] for c in row] for row in grid.layout])
    ax.imshow(picture)
    for row, line in enumerate(grid.layout):
        for col, char in enumerate(line):
            if char in "SGT":
                ax.text(col, row, char, ha="center", va="center", fontsize=12)
    ax.set_xticks(range(grid.n_cols))
    ax.set_yticks(range(grid.n_rows))
    ax.set_xlabel("column")
    ax.set_ylabel("row")
    ax.set_title(f"{env_id}: mountain path (row 0), wall, ledge (row 2), ravine (row 3)")
    fig.savefig(cfg.out_dir / "ledge_layout.png")
    plt.close(fig)
    env.close()
    return Result(
        env_id=env_id,
        n_states=n_states,
        n_actions=n_actions,
        checker_warnings=len(caught),
        ledge_cells=n,
        crossing_probability_formula=formula[0],
        crossing_probability_dp=by_dp[0],
        crossing_return_formula=formula[1],
        crossing_return_dp=by_dp[1],
        random_outcomes=outcomes,
        random_mean_return=mean_return,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
