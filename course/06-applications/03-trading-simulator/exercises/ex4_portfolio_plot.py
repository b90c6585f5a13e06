"""Exercise 4 of Part 6.3: portfolio value over time, averaged over many price paths, for a
strategy and the random policy, each with a band of one standard error.

Write ``value_path`` and ``plot_mean_values`` as their docstrings say, then run this file and
`rlcourse check 6.3`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (you will need it)
import numpy as np

from rlcourse.envs.trading import BUY, SELL, TradingEnv

Policy = Callable[[np.ndarray], int]  # observation -> action (0 hold, 1 buy, 2 sell)


def value_path(env: TradingEnv, policy: Policy, seed: int) -> np.ndarray:
    """(steps + 1,) portfolio values of one episode on the path reset(seed=seed) draws:
    1.0 at the reset, then info["value"] after each step."""
    raise NotImplementedError("value_path")


def plot_mean_values(curves: dict[str, np.ndarray], path: Path) -> None:
    """``curves[name]`` is (paths, steps + 1), one row per path. For each name, plot the mean
    value over the paths against the step t = 0 .. steps, labelled with the name, and a band
    of ± one standard error (sample standard deviation / sqrt(paths)) with fill_between.
    Add a dashed line at 1.0 (the starting value), axis labels, a title and a legend."""
    raise NotImplementedError("plot_mean_values")


def trend_follower(observation: np.ndarray) -> int:
    """Buy after the price rose, sell after it fell: observation[-1] is the last log return."""
    return BUY if observation[-1] > 0.0 else SELL


if __name__ == "__main__":
    env = TradingEnv(process="mean_reverting")
    rng = np.random.default_rng(0)
    strategies: dict[str, Policy] = {
        "trend follower": trend_follower,
        "random": lambda observation: int(rng.integers(3)),
    }
    curves = {
        name: np.stack([value_path(env, policy, 20_000 + i) for i in range(300)])
        for name, policy in strategies.items()
    }
    plot_mean_values(curves, Path("mean_values.png"))
    for name, values in curves.items():
        print(f"{name}: mean final value {values[:, -1].mean():.4f}")
