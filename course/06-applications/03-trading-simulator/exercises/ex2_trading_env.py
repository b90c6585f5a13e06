"""Exercise 2 of Part 6.3: a trading environment that can also sell short, on a price path
it is given.

Write ``observation`` and ``step`` of ``LongShortEnv`` as its docstring says, then run this
file and `rlcourse check 6.3`.
"""

from __future__ import annotations

from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

FLAT, LONG, SHORT = 0, 1, 2  # the actions
POSITION = {FLAT: 0, LONG: 1, SHORT: -1}  # the position each action holds over the next step


class LongShortEnv(gym.Env[np.ndarray, np.int64]):
    """Trade one asset along ``prices`` (P_0 .. P_n), starting with a value of 1.0 in cash.

    The action chooses the position p held over the next step: 0 flat (p = 0, cash),
    1 long (p = 1, the whole value in the asset), 2 short (p = -1, a bet of the same size
    that the price falls). Changing from p to p' costs ``cost * value * |p' - p|`` before
    the price moves: long to short trades twice the value; keeping p costs nothing.
    Over the step from P_t to P_{t+1} the value is multiplied by 1 + p (P_{t+1} / P_t - 1).
    Reward: the value after the step minus the value before it, cost included, so the
    rewards sum to the final value minus 1. Terminated when t reaches n.

    Observation (float32, 1 + ``window``): [p, then 100 * the last ``window`` log returns
    log(P_k / P_{k-1}), newest last, 0 where there is not yet enough history], made from
    P_0 .. P_t only: never a price the trader could not have seen.
    """

    metadata = {"render_modes": []}  # noqa: RUF012 (Gymnasium reads it from the class)

    def __init__(self, prices: np.ndarray, cost: float = 0.001, window: int = 3) -> None:
        if len(prices) < 2 or np.any(prices <= 0):
            raise ValueError("prices must hold at least 2 positive prices")
        self.prices, self.cost, self.window = np.asarray(prices, dtype=np.float64), cost, window
        self.observation_space = spaces.Box(-1e3, 1e3, shape=(1 + window,), dtype=np.float32)
        self.action_space = spaces.Discrete(3)
        self.t, self.position, self.value = 0, 0, 1.0

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[np.ndarray, dict[str, Any]]:
        super().reset(seed=seed)
        self.t, self.position, self.value = 0, 0, 1.0
        return self.observation(), {"value": self.value}

    def observation(self) -> np.ndarray:
        raise NotImplementedError("observation")

    def step(self, action: np.int64 | int) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        raise NotImplementedError("step")


if __name__ == "__main__":
    # A price that rises, then falls: long on the way up, short on the way down.
    env = LongShortEnv(np.array([100.0, 102.0, 104.0, 101.0, 98.0]), cost=0.001)
    observation, _ = env.reset()
    for action in (LONG, LONG, SHORT, SHORT):
        observation, reward, terminated, _, info = env.step(action)
        print(f"{observation.round(2)}, reward {reward:+.4f}, value {info['value']:.4f}")
