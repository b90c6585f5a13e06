"""Exercise 1: the house of the lesson with a night setback: from 23:00 to 06:00 the people
at home are asleep under a duvet, and the comfort band is 16 to 20 degrees, not 19 to 23.
Write ``step``."""

from __future__ import annotations

import math
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium.spaces import Box, Discrete

STEPS = 48  # half hours in a day
OUTSIDE = 3.0  # degrees, all day (a simpler weather than the lesson's)
LEAK = 0.05  # share of the indoor-outdoor difference lost per step
HEATING = 2.0  # degrees per step at full power
NOISE = 0.1  # std of the indoor disturbance per step
ENERGY_COST = 0.3  # money per step at full power
DISCOMFORT = 0.5  # money per degree outside the band per step


def comfort_band(step: int) -> tuple[float, float]:
    """(low, high) degrees at half-hour ``step``: 16-20 asleep (23:00-06:00), else 19-23."""
    hour = step / 2
    return (16.0, 20.0) if hour < 6 or hour >= 23 else (19.0, 23.0)


class SetbackEnv(gym.Env[np.ndarray, np.int64]):
    """Observation (3,) float32: (inside - 20) / 5 and the clock as sin, cos.
    Actions 0 off, 1 half, 2 full power. One episode is one day; it terminates at midnight."""

    metadata = {"render_modes": []}  # noqa: RUF012 (Gymnasium's API)

    def __init__(self) -> None:
        self.observation_space = Box(-10.0, 10.0, shape=(3,), dtype=np.float32)
        self.action_space = Discrete(3)
        self.step_count = 0
        self.inside = 18.0

    def observe(self) -> np.ndarray:
        angle = 2 * math.pi * (self.step_count % STEPS) / STEPS
        return np.array(
            [(self.inside - 20.0) / 5.0, math.sin(angle), math.cos(angle)], dtype=np.float32
        )

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[np.ndarray, dict[str, Any]]:
        super().reset(seed=seed)
        self.step_count = 0
        self.inside = float(self.np_random.uniform(15.0, 20.0))
        return self.observe(), {}

    def step(self, action: np.int64 | int) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        """Move the temperature (cooling + heater + one normal draw of std NOISE from
        self.np_random), then reward -(energy cost + DISCOMFORT * degrees outside the band
        of this step); terminated at the end of the 48th step."""
        raise NotImplementedError("write step: the temperature, the reward, terminated")
