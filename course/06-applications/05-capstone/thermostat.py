"""The worked capstone of Part 6.5: heating a house for one winter day, cheaply.

One step is half an hour; an episode is one day of 48 steps, from midnight to midnight.
The heater has three settings (off, half, full power). The house loses heat to the
outside in proportion to the temperature difference (Newton's law of cooling), so a warm
house is a battery that empties slowly: heat bought at night is still partly there at
breakfast. Electricity costs three prices over the day, and comfort counts only while
someone is at home (not during working hours, 09:00 to 17:00).

The observation carries the clock, the outside temperature and the price, so the end of
the day is a true terminal state: the environment terminates, it is not truncated.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium.envs.registration import register, registry
from gymnasium.spaces import Box, Discrete

THERMOSTAT_ID = "capstone/Thermostat-v0"
STEPS_PER_DAY = 48  # half-hour steps


@dataclass(frozen=True)
class House:
    """The physics and the prices; the defaults are the lesson's house."""

    leak: float = 0.05  # share of the indoor-outdoor difference lost per step
    heating: float = 2.0  # degrees gained per step at full power (before the leak)
    power_kw: float = 3.0  # the heater at full power
    comfort_low: float = 19.0  # degrees; below this someone at home is cold
    comfort_high: float = 23.0  # above this they open a window: heat paid for, wasted
    discomfort_price: float = 0.5  # money per degree outside the band per step at home
    noise: float = 0.1  # std of the indoor temperature's random disturbance per step


# --8<-- [start:schedule]
def price_at(step: int) -> float:
    """Money per kWh at half-hour ``step`` of the day: cheap at night, dear at the evening peak."""
    hour = step / 2
    if hour < 6:
        return 0.10
    if 17 <= hour < 21:
        return 0.50
    return 0.20


def at_home(step: int) -> bool:
    """Someone is at home outside working hours (08:00 to 18:00)."""
    return not 8 <= step / 2 < 18


def outside_at(step: int, mean: float) -> float:
    """Outside temperature: a daily wave 4 degrees either side of ``mean``, coldest at 04:00."""
    return mean - 4.0 * math.cos(2 * math.pi * (step / STEPS_PER_DAY - 4 / 24))


# --8<-- [end:schedule]


class ThermostatEnv(gym.Env[np.ndarray, np.int64]):
    """Observation (6,) float32: indoor and outdoor temperature (scaled), the clock as
    sin and cos, the price, and 1.0 when someone is home. Actions: 0 off, 1 half, 2 full."""

    metadata = {"render_modes": ["rgb_array"], "render_fps": 8}  # noqa: RUF012 (Gymnasium's API)

    def __init__(self, render_mode: str | None = None, house: House | None = None) -> None:
        self.house = house or House()
        self.render_mode = render_mode
        self.observation_space = Box(-10.0, 10.0, shape=(6,), dtype=np.float32)
        self.action_space = Discrete(3)
        self.step_count = 0
        self.inside = 18.0
        self.outside_mean = 3.0
        self.history: list[float] = []

    def observe(self) -> np.ndarray:
        step = self.step_count % STEPS_PER_DAY
        angle = 2 * math.pi * step / STEPS_PER_DAY
        return np.array(
            [
                (self.inside - 20.0) / 5.0,
                (outside_at(step, self.outside_mean) - 3.0) / 5.0,
                math.sin(angle),
                math.cos(angle),
                price_at(step) * 5.0,
                float(at_home(step)),
            ],
            dtype=np.float32,
        )

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[np.ndarray, dict[str, Any]]:
        super().reset(seed=seed)
        self.step_count = 0
        # Each day is another winter day: a mean outside temperature and a starting
        # indoor temperature, both drawn from the environment's own generator.
        self.outside_mean = float(self.np_random.uniform(-2.0, 8.0))
        self.inside = float(self.np_random.uniform(15.0, 20.0))
        self.history = [self.inside]
        return self.observe(), {}

    # --8<-- [start:step]
    def step(self, action: np.int64 | int) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        house, step = self.house, self.step_count
        power = int(action) / 2  # 0, 0.5 or 1 of full power
        outside = outside_at(step, self.outside_mean)
        # Newton's cooling plus the heater, plus a small disturbance (doors, sunshine).
        self.inside += house.leak * (outside - self.inside) + house.heating * power
        self.inside += float(self.np_random.normal(0.0, house.noise))
        energy_cost = price_at(step) * house.power_kw * power * 0.5  # kWh in half an hour
        too_cold = max(house.comfort_low - self.inside, 0.0)
        too_warm = max(self.inside - house.comfort_high, 0.0)
        discomfort = house.discomfort_price * (too_cold + too_warm) * at_home(step)
        self.step_count += 1
        self.history.append(self.inside)
        terminated = self.step_count == STEPS_PER_DAY  # midnight: the clock says so
        reward = -(energy_cost + discomfort)
        return self.observe(), reward, terminated, False, {"cost": energy_cost}

    # --8<-- [end:step]

    def render(self) -> np.ndarray | None:
        """A 60x240 strip: one column block per half hour, red where the house was warm."""
        if self.render_mode != "rgb_array":
            return None
        frame = np.full((60, 240, 3), 255, dtype=np.uint8)
        for index, temperature in enumerate(self.history[:STEPS_PER_DAY]):
            warmth = np.clip((temperature - 15.0) / 10.0, 0.0, 1.0)
            frame[:, index * 5 : index * 5 + 5] = (255, int(255 * (1 - warmth)), 80)
        return frame


def make_thermostat(**kwargs: Any) -> ThermostatEnv:
    """What gym.make calls: the environment, built from this module whatever its name."""
    return ThermostatEnv(**kwargs)


if THERMOSTAT_ID not in registry:
    register(id=THERMOSTAT_ID, entry_point=make_thermostat, max_episode_steps=STEPS_PER_DAY)

Policy = Callable[[np.ndarray], int]  # observation (6,) -> action


# --8<-- [start:baseline]
def thermostat_policy(observation: np.ndarray) -> int:
    """Today's thermostat: full power below 19.5 degrees, half below 20.5, else off.
    It reads only the indoor temperature: no clock, no price, no one-at-home."""
    inside = float(observation[0]) * 5.0 + 20.0  # undo the observation's scaling
    if inside < 19.5:
        return 2
    return 1 if inside < 20.5 else 0


# --8<-- [end:baseline]


@dataclass(frozen=True)
class Days:
    """What a policy did over several days: returns, and where the money went."""

    returns: np.ndarray  # (days,) total reward per day
    kwh_by_price: dict[float, float]  # mean kWh bought per day at each price
    cold_degree_hours: float  # mean per day, at home and below the comfort band
    inside: np.ndarray  # (days, 49) indoor temperature at each half hour, midnight to midnight
    actions: np.ndarray  # (days, 48)


def play_days(policy: Policy, days: int, seed: int) -> Days:
    """Run ``policy`` for ``days`` fresh days; seeding the first reset fixes them all, so two
    policies played with the same seed meet the same weather and the same starting house."""
    env = ThermostatEnv()
    house = env.house
    returns, insides, actions = [], [], []
    kwh: dict[float, float] = {}
    cold = 0.0
    for day in range(days):
        observation, _ = env.reset(seed=seed if day == 0 else None)
        total, chosen = 0.0, []
        for step in range(STEPS_PER_DAY):
            action = policy(observation)
            observation, reward, _, _, _ = env.step(action)
            total += reward
            chosen.append(action)
            price = price_at(step)
            kwh[price] = kwh.get(price, 0.0) + house.power_kw * action / 2 * 0.5
            if at_home(step):
                cold += max(house.comfort_low - env.inside, 0.0) * 0.5
        returns.append(total)
        insides.append(env.history)
        actions.append(chosen)
    return Days(
        np.array(returns),
        {price: total / days for price, total in sorted(kwh.items())},
        cold / days,
        np.array(insides),
        np.array(actions),
    )
