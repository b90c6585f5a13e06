"""Project: train Q-learning on Taxi-v4 and report the greedy policy's average episode length,
computed exactly (walking the deterministic model) and by playing episodes.

Fill in the two functions, then run this file and `rlcourse check 4.4`.
"""

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
    # TODO: for every start state with probability > 0, follow the policy through
    # model[state][action] and weight its return and length by that probability.
    raise NotImplementedError("exact_greedy_evaluation")


def sampled_greedy_evaluation(
    env: gym.Env[Any, Any], actions: np.ndarray, episodes: int, seed: int
) -> tuple[float, float]:
    """Mean (return, episode length) of ``episodes`` episodes played with ``actions``;
    seed the first reset with ``seed``."""
    raise NotImplementedError("sampled_greedy_evaluation")


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
