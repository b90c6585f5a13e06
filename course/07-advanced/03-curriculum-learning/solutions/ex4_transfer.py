"""Exercise 4: how well does a policy do on tasks it was not trained on? Exactly, by
dynamic programming over the steps left, for any gridworld, slippery or not.

Fill in the two functions, then run this file and `rlcourse check 7.3`.
"""

from __future__ import annotations

import gymnasium as gym
import numpy as np

from rlcourse.agents.tabular import greedy_actions, make_q_table, q_learning_episode
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import GridWorldEnv


def success_within(env: GridWorldEnv, policy: np.ndarray, time_limit: int) -> float:
    """The exact probability that ``policy`` ((S,) actions) enters the goal within
    ``time_limit`` steps, the start drawn from env.initial_state_distrib.

    Backward over the steps left: with 0 steps left nothing succeeds; with h steps left,
    success(s) = sum over the outcomes (p, s', r, terminated) of env.P[s][policy[s]] of
    p * (1 if the step enters the goal, cell 'G') or p * success_{h-1}(s') if the episode
    goes on. A step that ends elsewhere (a trap) is not a success.
    """
    success = np.zeros(len(env.P))
    for _ in range(time_limit):
        longer = np.zeros(len(env.P))
        for state, actions in env.P.items():
            for p, nxt, _, terminated in actions[int(policy[state])]:
                if terminated:
                    longer[state] += p * (env.cell(nxt) == "G" and env.cell(state) not in "GT")
                else:
                    longer[state] += p * success[nxt]
        success = longer
    return float(env.initial_state_distrib @ success)


def transfer_table(
    policy: np.ndarray, variants: dict[str, GridWorldEnv], time_limit: int
) -> dict[str, float]:
    """success_within for each named variant, in the same order."""
    return {name: success_within(env, policy, time_limit) for name, env in variants.items()}


def gridworld(layout: tuple[str, ...], slip: float = 0.0) -> GridWorldEnv:
    env = GridWorldEnv(layout, step_cost=0.0, goal_reward=1.0, slip_probability=slip)
    return env


if __name__ == "__main__":
    train_layout = ("S....", ".###.", "....G")
    variants = {
        "trained starts": gridworld(train_layout),
        "other corner": gridworld(("....S", ".###.", "....G")),
        "slippery": gridworld(train_layout, slip=0.2),
        "a trap on the way": gridworld(("S...T", ".###.", "....G")),
    }
    env = gym.make(
        GRIDWORLD_ID, max_episode_steps=30, layout=train_layout, step_cost=0.0, goal_reward=1.0
    )
    env.reset(seed=0)
    q, rng = make_q_table(env), np.random.default_rng(0)
    for _ in range(200):
        q_learning_episode(env, q, 0.2, 0.95, 0.1, rng)
    for name, success in transfer_table(greedy_actions(q), variants, 30).items():
        print(f"{name:<18} {success:.3f}")
