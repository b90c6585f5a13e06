"""Exercise 1: a Q-table for a small discrete environment (FrozenLake-v1)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium.spaces import Discrete


def make_q_table(
    observation_space: gym.Space[Any], action_space: gym.Space[Any], initial_value: float
) -> np.ndarray:
    """A float64 array of shape (n_states, n_actions), every entry ``initial_value``.

    Raises TypeError if either space is not Discrete (a table needs finitely many rows
    and columns).
    """
    if not isinstance(observation_space, Discrete) or not isinstance(action_space, Discrete):
        raise TypeError(f"need Discrete spaces, got {observation_space} and {action_space}")
    shape = (int(observation_space.n), int(action_space.n))
    return np.full(shape, initial_value, dtype=np.float64)


def greedy_action(q: np.ndarray, state: int, preference: Sequence[int]) -> int:
    """The action with the largest ``q[state, a]``; among actions tied at that maximum,
    the one that comes first in ``preference`` (a permutation of the actions)."""
    best = q[state].max()
    for action in preference:
        if q[state, action] == best:
            return int(action)
    raise ValueError("preference must list every action")


def greedy_actions(q: np.ndarray, preference: Sequence[int]) -> np.ndarray:
    """:func:`greedy_action` for every state: an int64 array of shape (n_states,)."""
    return np.array([greedy_action(q, s, preference) for s in range(q.shape[0])], dtype=np.int64)


if __name__ == "__main__":
    env = gym.make("FrozenLake-v1", map_name="4x4", is_slippery=True)
    q = make_q_table(env.observation_space, env.action_space, initial_value=0.0)
    print(f"FrozenLake Q-table: shape {q.shape}, dtype {q.dtype}")
    q[14] = [0.2, 0.7, 0.7, 0.1]  # made-up values for the cell left of the goal
    # FrozenLake's actions: 0 left, 1 down, 2 right, 3 up. Prefer right, then down.
    print("greedy action in state 14:", greedy_action(q, 14, preference=(2, 1, 0, 3)))
    print("greedy actions:", greedy_actions(q, preference=(2, 1, 0, 3)))
