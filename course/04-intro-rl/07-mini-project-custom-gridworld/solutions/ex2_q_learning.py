"""Exercise 2: Q-learning whose step size shrinks with each pair's visit count.

Fill in the two functions, then run this file and `rlcourse check 4.7`.
"""

from __future__ import annotations

from typing import Any

import gymnasium as gym
import numpy as np
from tqdm import tqdm

from rlcourse.agents.tabular import epsilon_greedy_action, greedy_actions, make_q_table
from rlcourse.dp import evaluate_policy, value_iteration
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import unwrap_gridworld
from rlcourse.mdp import deterministic_policy, tabular_mdp

LEDGE_LAYOUT = ("..........", ".########.", "S........G", "TTTTTTTTTT")


def counted_update(
    q: np.ndarray,
    counts: np.ndarray,
    state: int,
    action: int,
    reward: float,
    next_state: int,
    terminated: bool,
    gamma: float,
    power: float,
) -> float:
    """Count the visit, then one Q-learning update with alpha = n(s, a) ** -power.

    ``q`` and ``counts`` have shape (n_states, n_actions) and change in place. Returns
    the TD error, target - Q(s, a), measured before the update.
    """
    counts[state, action] += 1
    alpha = counts[state, action] ** -power
    future = 0.0 if terminated else gamma * float(np.max(q[next_state]))
    td_error = reward + future - q[state, action]
    q[state, action] += alpha * td_error
    return float(td_error)


def run_episode(
    env: gym.Env[Any, Any],
    q: np.ndarray,
    counts: np.ndarray,
    gamma: float,
    epsilon: float,
    power: float,
    rng: np.random.Generator,
) -> tuple[float, int]:
    """One episode of epsilon-greedy Q-learning with counted step sizes.

    Returns (undiscounted return, number of steps).
    """
    state, _ = env.reset()
    total, steps, done = 0.0, 0, False
    while not done:
        action = epsilon_greedy_action(q[state], epsilon, rng)
        next_state, reward, terminated, truncated, _ = env.step(action)
        counted_update(
            q, counts, state, action, float(reward), next_state, terminated, gamma, power
        )
        total += float(reward)
        steps += 1
        state = next_state
        done = terminated or truncated
    return total, steps


if __name__ == "__main__":
    env = gym.make(GRIDWORLD_ID, layout=LEDGE_LAYOUT, slip_probability=0.1)
    grid = unwrap_gridworld(env)
    q = make_q_table(env)
    counts = np.zeros_like(q)
    rng = np.random.default_rng(0)
    env.reset(seed=0)
    env.action_space.seed(0)
    episodes = 6000
    for episode in tqdm(range(episodes)):
        epsilon = max(0.05, 1.0 - episode / (episodes / 2))
        run_episode(env, q, counts, gamma=1.0, epsilon=epsilon, power=0.6, rng=rng)
    optimal = value_iteration(tabular_mdp(grid.P, *q.shape), gamma=1.0)  # gamma as in training
    q_star, v_star = optimal.q_values.numpy(), optimal.values.numpy()
    actions = greedy_actions(q)
    chosen = q_star[np.arange(len(actions)), actions]  # q*(s, greedy action)
    visited = counts.sum(axis=1) > 0  # every state the agent acted in
    good = np.sum(visited & (chosen >= v_star - 1e-6))
    print(f"greedy action optimal in {good} of {np.sum(visited)} states the agent acted in")
    policy = deterministic_policy(actions, q.shape[1])
    mdp = tabular_mdp(grid.P, *q.shape)
    greedy = evaluate_policy(mdp, policy, grid.initial_state_distrib, max_steps=200)
    best = float(grid.initial_state_distrib @ v_star)
    print(f"greedy policy: expected return {greedy.expected_return:.3f}, optimal {best:.3f}")
