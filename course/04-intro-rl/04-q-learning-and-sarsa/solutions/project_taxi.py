"""Project: train Q-learning on Taxi-v4 and report the greedy policy's average episode length,
computed exactly (walking the deterministic model) and by playing episodes."""

from __future__ import annotations

from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium.envs.toy_text.taxi import TaxiEnv

from rlcourse.agents.tabular import greedy_actions, train
from rlcourse.mdp import ToyTextModel
from rlcourse.schedules import LinearSchedule


def exact_greedy_evaluation(
    model: ToyTextModel, initial_distribution: np.ndarray, actions: np.ndarray, max_steps: int
) -> tuple[float, float]:
    """Expected (return, episode length) of the deterministic policy ``actions`` (shape
    (n_states,)) in a deterministic model, averaged over ``initial_distribution``; an
    episode stops when a transition terminates or after ``max_steps`` steps.

    Raises ValueError if a transition the policy uses has more than one outcome.
    """
    mean_return, mean_length = 0.0, 0.0
    for start in np.flatnonzero(initial_distribution):
        state, total, steps = int(start), 0.0, 0
        while steps < max_steps:
            outcomes = model[state][int(actions[state])]
            if len(outcomes) != 1:
                raise ValueError(f"state {state}, action {actions[state]} is not deterministic")
            _, state, reward, terminated = outcomes[0]
            total += reward
            steps += 1
            if terminated:
                break
        mean_return += initial_distribution[start] * total
        mean_length += initial_distribution[start] * steps
    return float(mean_return), float(mean_length)


def sampled_greedy_evaluation(
    env: gym.Env[Any, Any], actions: np.ndarray, episodes: int, seed: int
) -> tuple[float, float]:
    """Mean (return, episode length) of ``episodes`` episodes played with ``actions``;
    seed the first reset with ``seed``."""
    returns, lengths = [], []
    state, _ = env.reset(seed=seed)
    for _ in range(episodes):
        total, steps, done = 0.0, 0, False
        while not done:
            state, reward, terminated, truncated, _ = env.step(int(actions[state]))
            total += float(reward)
            steps += 1
            done = terminated or truncated
        returns.append(total)
        lengths.append(steps)
        state, _ = env.reset()
    return float(np.mean(returns)), float(np.mean(lengths))


if __name__ == "__main__":
    env = gym.make("Taxi-v4")
    epsilon = LinearSchedule(1.0, 0.05, 2500)
    q, history = train(env, "q_learning", 5000, alpha=0.2, gamma=0.99, epsilon=epsilon, seed=0)
    taxi = env.unwrapped
    if not isinstance(taxi, TaxiEnv):  # narrows the type, so .P is known
        raise TypeError(f"expected Taxi, got {type(taxi).__name__}")
    actions = greedy_actions(q)
    exact = exact_greedy_evaluation(taxi.P, taxi.initial_state_distrib, actions, 200)
    sampled = sampled_greedy_evaluation(env, actions, 1000, seed=1)
    print(f"trained for {history.total_steps} steps")
    print(f"exact:   return {exact[0]:.3f}, episode length {exact[1]:.3f}")
    print(f"sampled: return {sampled[0]:.3f}, episode length {sampled[1]:.3f}")
