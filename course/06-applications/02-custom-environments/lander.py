"""The Moon lander of Part 6.2: a Gymnasium environment with continuous observations.

A lander falls towards a pad under the Moon's gravity. Each step of 0.1 s it fires its
engine or not; it must touch down at 1 m/s or slower, using as little fuel as it can.
The lesson folder is not a Python package, so the demos import this file as a sibling.
"""

from __future__ import annotations

from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

LANDER_ID = "lesson62/MoonLander-v0"
MAX_EPISODE_STEPS = 400  # 40 s: plenty for any landing, a limit for a lander that hovers

# --8<-- [start:physics]
GRAVITY = 1.62  # m/s^2, the Moon's, pointing down
THRUST = 2.5  # m/s^2 of upward acceleration while the engine fires
DT = 0.2  # seconds per step
SAFE_SPEED = 1.0  # m/s: a touchdown at this speed or slower is a landing, faster a crash
TOP = 50.0  # m: no flight gets this high (a full tank, burnt at once from 20 m, reaches 44 m)
LANDING_REWARD = 10.0  # for any touchdown at SAFE_SPEED or slower
CRASH_COST = 5.0  # reward lost per m/s above SAFE_SPEED: a faster crash is a worse one
FUEL_COST = 0.1  # reward lost per step with the engine on
TANK = 6.0  # seconds of burn in a full tank: enough to land, too little to hover for long
TANK_STEPS = round(TANK / DT)
# --8<-- [end:physics]


# --8<-- [start:spaces]
class MoonLander(gym.Env[np.ndarray, np.int64]):
    """Observation: [height in m, vertical velocity in m/s (negative: falling), fuel left
    in seconds of burn], float32. Actions: 0 engine off, 1 engine on (no effect once the
    tank is empty). Rewards: -FUEL_COST per step with the engine on;
    at touchdown, +LANDING_REWARD minus CRASH_COST per m/s above SAFE_SPEED.
    """

    metadata = {"render_modes": ["rgb_array"], "render_fps": 5}  # noqa: RUF012 (read from the class)

    def __init__(self, render_mode: str | None = None) -> None:
        # Bounds the physics cannot leave: a fall from 50 m reaches 12.7 m/s.
        self.observation_space = spaces.Box(
            low=np.array([0.0, -20.0, 0.0], dtype=np.float32),
            high=np.array([TOP, 20.0, TANK], dtype=np.float32),
            dtype=np.float32,
        )
        self.action_space = spaces.Discrete(2)
        self.render_mode = render_mode
        self.height, self.velocity, self.engine_on = 0.0, 0.0, False
        self.burns_left = TANK_STEPS  # an integer count: no rounding in 6.0 - 30 * 0.2

    # --8<-- [end:spaces]

    # --8<-- [start:reset]
    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[np.ndarray, dict[str, Any]]:
        super().reset(seed=seed)  # seeds self.np_random, the only source of randomness
        self.height = float(self.np_random.uniform(10.0, 20.0))
        self.velocity = float(self.np_random.uniform(-3.0, 0.0))
        self.burns_left, self.engine_on = TANK_STEPS, False
        return self.observation(), {}

    def observation(self) -> np.ndarray:
        return np.array([self.height, self.velocity, self.burns_left * DT], dtype=np.float32)

    # --8<-- [end:reset]

    # --8<-- [start:step]
    def step(self, action: np.int64 | int) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        self.engine_on = int(action) == 1 and self.burns_left > 0
        self.burns_left -= int(self.engine_on)
        acceleration = (THRUST if self.engine_on else 0.0) - GRAVITY
        # Semi-implicit Euler: the new velocity moves the lander during this step.
        self.velocity += acceleration * DT
        self.height += self.velocity * DT
        reward = -FUEL_COST if self.engine_on else 0.0
        info: dict[str, Any] = {}
        if self.height <= 0.0:  # touchdown: the episode ends either way
            self.height = 0.0
            speed = abs(self.velocity)
            landed = speed <= SAFE_SPEED
            reward += LANDING_REWARD - CRASH_COST * max(speed - SAFE_SPEED, 0.0)
            info = {"outcome": "landed" if landed else "crashed", "touchdown_speed": speed}
            return self.observation(), reward, True, False, info
        return self.observation(), reward, False, False, info

    # --8<-- [end:step]

    # --8<-- [start:render]
    def render(self) -> np.ndarray | None:
        """A 240 x 120 picture: sky, ground, the pad, the lander, its flame when firing,
        the fuel left on the left and a speed bar on the right, green while a touchdown now
        would be safe."""
        if self.render_mode != "rgb_array":
            return None
        height_px, width_px, ground = 240, 120, 220  # ground: the pixel row of height 0
        frame = np.zeros((height_px, width_px, 3), dtype=np.uint8)
        frame[:, :] = (12, 14, 40)  # night sky
        frame[ground:, :] = (110, 110, 110)  # regolith
        frame[ground - 2 : ground, 35:75] = (230, 200, 40)  # the pad
        top = ground - 2 - round(self.height / TOP * (ground - 22))  # lander's feet
        frame[top - 14 : top, 47:63] = (220, 220, 230)  # body, 14 px tall
        if self.engine_on:
            frame[top : min(top + 10, ground), 51:59] = (255, 140, 20)  # flame
        fuel = round(self.burns_left / TANK_STEPS * 100)
        frame[ground - fuel : ground, 4:12] = (230, 200, 40)
        bar = min(round(abs(self.velocity) / 10.0 * 200), 200)
        safe = abs(self.velocity) <= SAFE_SPEED
        frame[ground - bar : ground, 108:116] = (40, 200, 60) if safe else (220, 50, 40)
        return frame

    # --8<-- [end:render]


# --8<-- [start:register]
def register_lander() -> str:
    """Register the lander under LANDER_ID once per process; return the id."""
    if LANDER_ID not in gym.registry:
        gym.register(LANDER_ID, f"{__name__}:MoonLander", max_episode_steps=MAX_EPISODE_STEPS)
    return LANDER_ID


# --8<-- [end:register]
