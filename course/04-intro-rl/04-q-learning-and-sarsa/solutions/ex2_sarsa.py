"""Exercise 2: SARSA, then a Q-learning vs SARSA comparison on the cliff gridworld."""

from __future__ import annotations

from typing import Any

import gymnasium as gym
import numpy as np

from rlcourse.agents.tabular import epsilon_greedy_action, make_q_table, q_learning_episode
from rlcourse.envs import GRIDWORLD_ID


def sarsa_update(
    q: np.ndarray,
    state: int,
    action: int,
    reward: float,
    next_state: int,
    next_action: int,
    terminated: bool,
    alpha: float,
    gamma: float,
) -> float:
    """Update ``q[state, action]`` in place with SARSA's rule; return the TD error
    (target minus the old value). A terminal next state has no future value."""
    future = 0.0 if terminated else gamma * q[next_state, next_action]
    td_error = reward + future - q[state, action]
    q[state, action] += alpha * td_error
    return float(td_error)


def sarsa_episode(
    env: gym.Env[Any, Any],
    q: np.ndarray,
    alpha: float,
    gamma: float,
    epsilon: float,
    rng: np.random.Generator,
) -> tuple[float, int]:
    """Play one episode with SARSA, updating ``q`` in place; return (total reward, steps).

    Choose every action with ``epsilon_greedy_action(q[s], epsilon, rng)``: the first
    right after ``env.reset()``, then one for each next state, before its update.
    """
    state, _ = env.reset()
    action = epsilon_greedy_action(q[state], epsilon, rng)
    total, steps, done = 0.0, 0, False
    while not done:
        next_state, reward, terminated, truncated, _ = env.step(action)
        next_action = epsilon_greedy_action(q[next_state], epsilon, rng)
        sarsa_update(
            q, state, action, float(reward), next_state, next_action, terminated, alpha, gamma
        )
        state, action = next_state, next_action
        total += float(reward)
        steps += 1
        done = terminated or truncated
    return total, steps


if __name__ == "__main__":
    env = gym.make(GRIDWORLD_ID)  # the cliff layout
    for name in ("Q-learning", "SARSA"):
        q = make_q_table(env)
        rng = np.random.default_rng(0)
        env.reset(seed=0)
        env.action_space.seed(0)
        returns = []
        for _ in range(500):
            if name == "SARSA":
                total, _ = sarsa_episode(env, q, 0.1, 1.0, 0.1, rng)
            else:
                total = q_learning_episode(env, q, 0.1, 1.0, 0.1, rng).total_reward
            returns.append(total)
        print(
            f"{name:10} mean return of episodes 1-100: {np.mean(returns[:100]):7.1f}, "
            f"401-500: {np.mean(returns[-100:]):7.1f}"
        )
