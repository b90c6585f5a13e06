"""A grid over CartPole-v1's four numbers, so that a Q-table can index it (Part 5.1).

Each of the four observation numbers (cart position, cart velocity, pole angle, pole
angular velocity) is cut into ``bins`` equal intervals between LOW and HIGH; values
outside are clipped into the end intervals. A state is the tuple of four interval
numbers, written as one integer in base ``bins``: ``bins ** 4`` table rows.
"""

from __future__ import annotations

from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium.spaces import Discrete

# Position and angle: where CartPole terminates (2.4 and 12 degrees); the two velocities:
# ranges that random and trained play rarely leave.
LOW = np.array([-2.4, -3.0, -0.21, -3.5])
HIGH = -LOW


# --8<-- [start:state_index]
def state_index(observation: np.ndarray, bins: int) -> int:
    """The table row of an observation, shape (4,): its four interval numbers in base bins."""
    fractions = (observation - LOW) / (HIGH - LOW)  # (4,), 0 at LOW and 1 at HIGH
    cells = np.clip((fractions * bins).astype(np.int64), 0, bins - 1)  # (4,) in 0..bins-1
    index = 0
    for cell in cells:  # like reading the digits of a number written in base `bins`
        index = index * bins + int(cell)
    return index


# --8<-- [end:state_index]


class GridCartPole(gym.ObservationWrapper[np.int64, int, np.ndarray]):
    """CartPole-v1 whose observation is the grid cell's index, a Discrete(bins ** 4) space."""

    def __init__(self, env: gym.Env[np.ndarray, int], bins: int) -> None:
        super().__init__(env)
        self.bins = bins
        self.observation_space = Discrete(bins**4)

    def observation(self, observation: np.ndarray) -> np.int64:
        return np.int64(state_index(observation, self.bins))  # Discrete's sample type


def make_grid_cartpole(bins: int, **kwargs: Any) -> GridCartPole:
    return GridCartPole(gym.make("CartPole-v1", **kwargs), bins)
