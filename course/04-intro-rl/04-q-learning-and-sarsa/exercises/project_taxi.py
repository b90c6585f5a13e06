"""Project: train Q-learning on Taxi-v4 with your own episode loop, then report the
average episode length of training and of the greedy policy (computed exactly).

Fill in the two functions, then run this file (about half a minute) and `rlcourse check 4.4`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium.envs.toy_text.taxi import TaxiEnv

from rlcourse.agents.tabular import (
    epsilon_greedy_action,  # noqa: F401 (you will need it)
    greedy_actions,
    table_shape,  # noqa: F401 (you will need it)
)
from rlcourse.mdp import ToyTextModel
from rlcourse.schedules import LinearSchedule


def q_learning_episode(
    env: gym.Env[Any, Any],
    q: np.ndarray,
    alpha: float,
    gamma: float,
    epsilon: float,
    rng: np.random.Generator,
) -> tuple[float, int]:
    """Play one episode with Q-learning, updating ``q`` in place; return (total reward, steps).

    Reset with ``env.reset()``, choose every action with ``epsilon_greedy_action(q[s],
    epsilon, rng)``, and after each step move q[s, a] toward r + gamma * max_a' q[s', a'].
    Only ``terminated`` removes the future value: a time-limit truncation still bootstraps.
    """
    # TODO: one episode, the update written out by you (the check does not let your code
    # call the library's q_learning_episode, q_learning_update or train)
    raise NotImplementedError("q_learning_episode")


def train_q_learning(
    env: gym.Env[Any, Any],
    episodes: int,
    alpha: float,
    gamma: float,
    epsilon: Callable[[int], float],
    seed: int,
) -> tuple[np.ndarray, list[int]]:
    """Train a float64 Q-table of zeros, shape (n_states, n_actions), for ``episodes``
    episodes of :func:`q_learning_episode`, episode i with ``epsilon(i)``; return it and
    the length of every episode.

    Seed once, before the first episode: ``env.reset(seed=seed)``,
    ``env.action_space.seed(seed)`` and ``rng = np.random.default_rng(seed)`` for exploring.
    """
    # TODO: a table of zeros, the three seeds, then one q_learning_episode per episode
    raise NotImplementedError("train_q_learning")


def exact_greedy_evaluation(
    model: ToyTextModel, initial_distribution: np.ndarray, actions: np.ndarray, max_steps: int
) -> tuple[float, float]:
    """Expected (return, episode length) of the deterministic policy ``actions`` (shape
    (n_states,)) in a deterministic model, averaged over ``initial_distribution``; an
    episode stops when a transition terminates or after ``max_steps`` steps.
    (Given: you do not need to change it.)

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
        # One walk per start state is exact here: weight it by the state's probability.
        mean_return += initial_distribution[start] * total
        mean_length += initial_distribution[start] * steps
    return float(mean_return), float(mean_length)


if __name__ == "__main__":
    env = gym.make("Taxi-v4")
    schedule = LinearSchedule(1.0, 0.05, 2500)
    q, lengths = train_q_learning(env, 5000, alpha=0.2, gamma=0.99, epsilon=schedule, seed=0)
    taxi = env.unwrapped
    if not isinstance(taxi, TaxiEnv):  # narrows the type, so .P is known
        raise TypeError(f"expected Taxi, got {type(taxi).__name__}")
    greedy = exact_greedy_evaluation(taxi.P, taxi.initial_state_distrib, greedy_actions(q), 200)
    print(f"average length of the last 100 training episodes: {np.mean(lengths[-100:]):.2f}")
    print(f"greedy policy, exact: average episode length {greedy[1]:.3f}, return {greedy[0]:.3f}")
