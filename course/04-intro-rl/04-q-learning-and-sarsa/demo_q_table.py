"""Demo 1: a Q-table for a small gridworld, filled by Q-learning and compared with Q*."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import numpy as np
import tyro

from rlcourse.agents.tabular import (
    greedy_actions,
    make_q_table,
    q_learning_update,
    table_shape,
    train,
)
from rlcourse.dp import value_iteration
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import ACTION_ARROWS, RIGHT, unwrap_gridworld
from rlcourse.mdp import tabular_mdp
from rlcourse.seeding import seed_everything

# A 3 x 4 world: the goal G (+10) in the top-right corner, a trap T (-10) below it.
SMALL_LAYOUT = (
    "...G",
    ".#.T",
    "S...",
)


@dataclass(frozen=True)
class Config:
    episodes: int = 5000
    alpha: float = 0.5  # learning rate
    gamma: float = 0.9  # discount factor
    epsilon: float = 0.2  # exploration rate of the epsilon-greedy behaviour policy
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    n_states: int
    n_actions: int
    first_td_error: float
    training_steps: int
    max_value_error: float  # max_s |max_a Q(s, a) - V*(s)| over the states the agent acts in
    max_error: float  # max |Q(s, a) - Q*(s, a)| over the same states and every action
    optimal_greedy_states: int  # states whose greedy action is optimal under Q*
    acting_states: int


def main(cfg: Config) -> Result:
    seed_everything(cfg.seed)
    # --8<-- [start:core]
    env = gym.make(GRIDWORLD_ID, layout=SMALL_LAYOUT, goal_reward=10.0, trap_penalty=10.0)
    n_states, n_actions = table_shape(env)  # (12, 4): one row per cell, one column per move
    q = make_q_table(env)
    print(f"Q-table shape: {q.shape} (states x actions), dtype {q.dtype}")

    # One Q-learning update by hand: start cell, move right.
    state, _ = env.reset(seed=cfg.seed)
    env.action_space.seed(cfg.seed)
    next_state, reward, terminated, _, _ = env.step(RIGHT)
    td_error = q_learning_update(
        q, state, RIGHT, float(reward), next_state, terminated, cfg.alpha, cfg.gamma
    )
    print(f"transition: s={state}, a=right, r={reward}, s'={next_state}, terminated={terminated}")
    print(f"TD error = r + gamma * max_a' Q(s', a') - Q(s, a) = {td_error:.3f}")
    print(f"Q[{state}, right] is now {q[state, RIGHT]:.3f} (alpha * TD error)")

    q, history = train(env, "q_learning", cfg.episodes, cfg.alpha, cfg.gamma, cfg.epsilon, cfg.seed)
    grid = unwrap_gridworld(env)
    optimal = value_iteration(tabular_mdp(grid.P, n_states, n_actions), cfg.gamma)
    q_star, v_star = optimal.q_values.numpy(), optimal.values.numpy()  # (S, A), (S,)
    acting = [s for s in range(n_states) if grid.cell(s) in ".S"]  # not walls, not terminal
    greedy = greedy_actions(q)
    # A greedy action is optimal if Q* rates it as high as the best action (ties allowed).
    optimal_choice = [bool(np.isclose(q_star[s, greedy[s]], q_star[s].max())) for s in acting]
    value_error = np.abs(q[acting].max(axis=1) - v_star[acting])  # (n_acting,)
    error = np.abs(q[acting] - q_star[acting])  # (n_acting, n_actions)
    # --8<-- [end:core]
    worst_row, worst_action = np.unravel_index(np.argmax(error), error.shape)

    print(f"\nafter {cfg.episodes} episodes ({history.total_steps} steps):")
    print("state (row, col)      up   right    down    left   greedy   max_a Q*")
    for s in acting:
        row, col = divmod(s, grid.n_cols)
        values = " ".join(f"{v:7.3f}" for v in q[s])
        arrow = ACTION_ARROWS[int(greedy[s])]
        print(f"{s:5d} ({row}, {col})  {values}      {arrow}    {v_star[s]:7.3f}")
    print(f"largest |max_a Q - V*| over these states: {value_error.max():.4f}")
    print(
        f"largest |Q - Q*|: {error.max():.4f}, at state {acting[worst_row]}, "
        f"action {ACTION_ARROWS[int(worst_action)]}"
    )
    print(f"greedy action optimal in {sum(optimal_choice)} of {len(acting)} states")
    env.close()
    return Result(
        n_states=n_states,
        n_actions=n_actions,
        first_td_error=td_error,
        training_steps=history.total_steps,
        max_value_error=float(value_error.max()),
        max_error=float(error.max()),
        optimal_greedy_states=sum(optimal_choice),
        acting_states=len(acting),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
