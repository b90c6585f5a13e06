"""A one-asset trading simulator (Part 6.3 introduces it): seeded price paths, and an
environment that buys, sells or holds with transaction costs.

Two price processes, both on the log price x_t = log P_t, with noise eps_t ~ N(0, 1):

- ``random_walk``: P_{t+1} = P_t * exp(sigma * eps - sigma^2 / 2). The correction term makes
  E[P_{t+1} | P_0..P_t] = P_t: the price is a martingale, so no rule that sees only the
  past has a positive expected profit, and costs make every trade lose on average.
- ``mean_reverting``: x_{t+1} = x_t + kappa * (log(mean) - x_t) + sigma * eps (a discrete
  Ornstein-Uhlenbeck process). A price below its mean is expected to rise: a real edge
  that the past reveals.

The observation at step t is computed from P_0..P_t only: the environment draws the whole
path at ``reset`` (from ``self.np_random``), but never shows a price before its time.
"""

from __future__ import annotations

from typing import Any, Literal

import gymnasium as gym
import numpy as np
from gymnasium import spaces

Process = Literal["random_walk", "mean_reverting"]
HOLD, BUY, SELL = 0, 1, 2  # BUY: put all the money in the asset; SELL: all of it in cash


# --8<-- [start:prices]
def random_walk_prices(
    rng: np.random.Generator, steps: int, start: float = 100.0, volatility: float = 0.01
) -> np.ndarray:
    """(steps + 1,) prices P_0..P_steps of a martingale: a log-normal random walk whose
    expected next price is the current one."""
    shocks = volatility * rng.standard_normal(steps) - volatility**2 / 2
    return start * np.exp(np.concatenate([[0.0], np.cumsum(shocks)]))


def mean_reverting_prices(
    rng: np.random.Generator,
    steps: int,
    start: float = 100.0,
    mean: float = 100.0,
    speed: float = 0.1,
    volatility: float = 0.01,
) -> np.ndarray:
    """(steps + 1,) prices whose log is pulled towards log(mean) by ``speed`` per step."""
    log_prices = np.empty(steps + 1)
    log_prices[0] = np.log(start)
    shocks = volatility * rng.standard_normal(steps)
    for t in range(steps):
        pull = speed * (np.log(mean) - log_prices[t])
        log_prices[t + 1] = log_prices[t] + pull + shocks[t]
    return np.exp(log_prices)


# --8<-- [end:prices]


class TradingEnv(gym.Env[np.ndarray, np.int64]):
    """Trade one asset for ``steps`` steps, starting with 1.0 in cash.

    Actions: 0 hold, 1 buy (move everything into the asset), 2 sell (everything into cash);
    buying while invested or selling while in cash changes nothing and costs nothing.
    A trade pays ``cost`` times the value traded. Reward: the change in portfolio value
    over the step (the sum of rewards is the final value minus 1). The episode ends
    (terminated) after ``steps`` steps, when the price path ends.

    Observation (float32, 2 + ``window``): [position (0 cash, 1 invested),
    100 * log(P_t / mean price), 100 * the last ``window`` log returns, newest last].
    """

    metadata = {"render_modes": ["rgb_array"], "render_fps": 10}  # noqa: RUF012

    def __init__(
        self,
        process: Process = "random_walk",
        steps: int = 100,
        cost: float = 0.001,
        window: int = 5,
        volatility: float = 0.01,
        speed: float = 0.1,
        render_mode: str | None = None,
    ) -> None:
        if process not in ("random_walk", "mean_reverting"):
            raise ValueError(f"process must be 'random_walk' or 'mean_reverting', got {process!r}")
        if steps < 1 or window < 1 or cost < 0:
            raise ValueError(
                f"need steps >= 1, window >= 1, cost >= 0; got {steps}, {window}, {cost}"
            )
        self.process, self.steps, self.cost, self.window = process, steps, cost, window
        self.volatility, self.speed, self.mean_price = volatility, speed, 100.0
        self.render_mode = render_mode
        # Log returns of 1% volatility are a few units after scaling by 100; the bounds are
        # far outside anything the processes produce, but finite, as check_env prefers.
        self.observation_space = spaces.Box(-1e3, 1e3, shape=(2 + window,), dtype=np.float32)
        self.action_space = spaces.Discrete(3)
        self.prices = np.full(steps + 1, self.mean_price)
        self.t, self.position, self.value = 0, 0, 1.0
        self.values = [1.0]

    def draw_prices(self) -> np.ndarray:
        if self.process == "random_walk":
            return random_walk_prices(self.np_random, self.steps, volatility=self.volatility)
        return mean_reverting_prices(
            self.np_random, self.steps, speed=self.speed, volatility=self.volatility
        )

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[np.ndarray, dict[str, Any]]:
        super().reset(seed=seed)
        self.prices = self.draw_prices()
        self.t, self.position, self.value = 0, 0, 1.0
        self.values = [1.0]
        return self.observation(), {"value": self.value, "price": float(self.prices[0])}

    # --8<-- [start:observation]
    def observation(self) -> np.ndarray:
        """Built from self.prices[: self.t + 1] only: the past and the present price."""
        seen = self.prices[: self.t + 1]
        log_returns = np.diff(np.log(seen))[-self.window :]
        padded = np.zeros(self.window)  # before enough history, the missing returns are 0
        padded[self.window - len(log_returns) :] = log_returns
        level = np.log(seen[-1] / self.mean_price)
        return np.concatenate([[self.position, 100 * level], 100 * padded]).astype(np.float32)

    # --8<-- [end:observation]

    # --8<-- [start:step]
    def step(self, action: np.int64 | int) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        target = {HOLD: self.position, BUY: 1, SELL: 0}[int(action)]
        paid = self.cost * self.value if target != self.position else 0.0
        self.value -= paid  # the cost of moving the whole portfolio
        self.position = target
        growth = self.prices[self.t + 1] / self.prices[self.t]  # the price move of this step
        before = self.value
        if self.position == 1:
            self.value *= growth
        self.t += 1
        self.values.append(self.value)
        reward = self.value - before - paid  # the change in value over the whole step
        terminated = self.t == self.steps
        info = {"value": self.value, "price": float(self.prices[self.t]), "cost_paid": paid}
        return self.observation(), float(reward), terminated, False, info

    # --8<-- [end:step]

    def render(self) -> np.ndarray | None:
        """A 120 x 240 chart: the price so far (grey) and the portfolio value (green when
        invested, blue in cash), each scaled to its own range."""
        if self.render_mode != "rgb_array":
            return None
        height, width = 120, 240
        frame = np.full((height, width, 3), 250, dtype=np.uint8)
        for series, colour in (
            (self.prices[: self.t + 1], (150, 150, 150)),
            (np.array(self.values), (40, 160, 70) if self.position else (50, 90, 200)),
        ):
            low, high = float(series.min()), float(series.max())
            span = high - low if high > low else 1.0
            columns = np.linspace(0, width - 1, self.steps + 1)[: len(series)].astype(int)
            rows = (height - 6 - (series - low) / span * (height - 12)).astype(int)
            frame[rows, columns] = colour
            frame[np.clip(rows + 1, 0, height - 1), columns] = colour
        return frame
