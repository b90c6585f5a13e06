"""Exercise 1: a thermostat as a Gymnasium environment, with continuous observations.

Write ``reset`` and ``step`` of ``Thermostat`` as its docstring says, then run this file
and `rlcourse check 6.2`.
"""

from __future__ import annotations

import warnings
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces
from gymnasium.utils.env_checker import check_env

TARGET = 21.0  # °C: what the people in the room want
LOSS = 0.05  # share of the indoor-outdoor gap lost through the walls per step (10 min)
HEAT = 1.0  # °C the heater adds per step while on
ENERGY_COST = 0.2  # reward lost per step with the heater on


class Thermostat(gym.Env[np.ndarray, np.int64]):
    """A room heated by a heater that is on or off; one step is ten minutes.

    Observation: [room temperature, outside temperature] in °C, float32.
    Actions: 0 heater off, 1 heater on.
    ``reset`` draws the room from uniform(10, 20), then the outside from uniform(-5, 10),
    in that order, with ``self.np_random``; the outside stays fixed for the episode.
    ``step``: room' = room + LOSS * (outside - room) + HEAT * action (Newton's law of
    cooling, one Euler step), and reward = -|room' - TARGET| - ENERGY_COST * action.
    The episode never terminates: the time limit registered with it ends it (truncated).
    """

    metadata = {"render_modes": []}  # noqa: RUF012 (Gymnasium reads it from the class)

    def __init__(self) -> None:
        self.observation_space = spaces.Box(
            low=np.array([-20.0, -5.0], dtype=np.float32),
            high=np.array([50.0, 10.0], dtype=np.float32),
            dtype=np.float32,
        )
        self.action_space = spaces.Discrete(2)
        self.room, self.outside = TARGET, 0.0

    def observation(self) -> np.ndarray:
        return np.array([self.room, self.outside], dtype=np.float32)

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[np.ndarray, dict[str, Any]]:
        super().reset(seed=seed)
        self.room = float(self.np_random.uniform(10.0, 20.0))
        self.outside = float(self.np_random.uniform(-5.0, 10.0))
        return self.observation(), {}

    def step(self, action: np.int64 | int) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        heating = int(action)
        self.room = self.room + LOSS * (self.outside - self.room) + HEAT * heating
        reward = -abs(self.room - TARGET) - ENERGY_COST * heating
        return self.observation(), reward, False, False, {}


if __name__ == "__main__":
    env = Thermostat()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning of the checker fails here
        check_env(env, skip_render_check=True)
    observation, _ = env.reset(seed=0)
    for _ in range(6):
        observation, reward, *_ = env.step(1)
        print(f"heater on: room {observation[0]:.2f} °C, reward {reward:.2f}")
