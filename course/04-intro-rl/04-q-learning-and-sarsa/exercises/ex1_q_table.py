"""Exercise 1: a Q-table for a small discrete environment (FrozenLake-v1).

Fill in the three functions, then run this file and `rlcourse check 4.4`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import gymnasium as gym
import numpy as np


def make_q_table(
    observation_space: gym.Space[Any], action_space: gym.Space[Any], initial_value: float
) -> np.ndarray:
    """A float64 array of shape (n_states, n_actions), every entry ``initial_value``.

    Raises TypeError if either space is not Discrete (a table needs finitely many rows
    and columns).
    """
    # TODO: narrow both spaces with isinstance(..., Discrete) before reading .n
    raise NotImplementedError("make_q_table")


def greedy_action(q: np.ndarray, state: int, preference: Sequence[int]) -> int:
    """The action with the largest ``q[state, a]``; among actions tied at that maximum,
    the one that comes first in ``preference`` (a permutation of the actions)."""
    # TODO: np.argmax alone breaks ties by the lowest index, not by preference
    raise NotImplementedError("greedy_action")


def greedy_actions(q: np.ndarray, preference: Sequence[int]) -> np.ndarray:
    """:func:`greedy_action` for every state: an int64 array of shape (n_states,)."""
    raise NotImplementedError("greedy_actions")


if __name__ == "__main__":
    env = gym.make("FrozenLake-v1", map_name="4x4", is_slippery=True)
    q = make_q_table(env.observation_space, env.action_space, initial_value=0.0)
    print(f"FrozenLake Q-table: shape {q.shape}, dtype {q.dtype}")
    q[14] = [0.2, 0.7, 0.7, 0.1]  # made-up values for the cell left of the goal
    # FrozenLake's actions: 0 left, 1 down, 2 right, 3 up. Prefer right, then down.
    print("greedy action in state 14:", greedy_action(q, 14, preference=(2, 1, 0, 3)))
    print("greedy actions:", greedy_actions(q, preference=(2, 1, 0, 3)))
