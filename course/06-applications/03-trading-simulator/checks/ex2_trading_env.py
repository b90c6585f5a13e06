"""Check of exercise 2 of Part 6.3: LongShortEnv's observations never depend on a future
price, its costs are charged only on a change of position (twice for a flip), its rewards
add up to the change in value, and seeded random trading matches a reference."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_dtype,
    expect_shape,
    expect_true,
    get_function,
    random_cases,
)

POSITION = {0: 0, 1: 1, 2: -1}


def reference(
    prices: np.ndarray, cost: float, window: int, actions: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Observations (len + 1, 1 + window), rewards (len,), values (len + 1,) of ``actions``."""
    position, value = 0, 1.0
    observations, rewards, values = [], [], [value]
    for t in range(len(actions) + 1):
        returns = 100 * np.diff(np.log(prices[: t + 1]))
        padded = np.concatenate([np.zeros(window), returns])[-window:]
        observations.append(np.concatenate([[position], padded]))
        if t == len(actions):
            break
        target = POSITION[int(actions[t])]
        after_cost = value * (1 - cost * abs(target - position))
        position = target
        new_value = after_cost * (1 + position * (prices[t + 1] / prices[t] - 1))
        rewards.append(new_value - value)
        values.append(new_value)
        value = new_value
    return np.array(observations), np.array(rewards), np.array(values)


def play(
    make: Callable[..., Any], prices: np.ndarray, cost: float, window: int, actions: np.ndarray
) -> tuple[list[np.ndarray], list[float], list[dict[str, Any]], list[bool]]:
    env = make(prices.copy(), cost=cost, window=window)
    observation, _ = env.reset(seed=0)
    observations, rewards, infos, ends = [observation], [], [], []
    for action in actions:
        observation, reward, terminated, truncated, info = env.step(int(action))
        observations.append(observation)
        rewards.append(float(reward))
        infos.append(info)
        ends.append(bool(terminated or truncated))
    return observations, rewards, infos, ends


def check_no_future(make: Callable[..., Any]) -> None:
    rng = np.random.default_rng(21)
    prices = 100 * np.exp(np.cumsum(rng.normal(0, 0.05, size=16)))
    actions = rng.integers(3, size=15)
    for t in (0, 1, 4, 9):
        changed = prices.copy()
        changed[t + 1 :] *= 1.3  # another future, the same past
        seen, _, _, _ = play(make, prices, 0.01, 3, actions[:t])
        other, _, _, _ = play(make, changed, 0.01, 3, actions[:t])
        for k, (a, b) in enumerate(zip(seen, other, strict=True)):
            if not np.array_equal(np.asarray(a), np.asarray(b)):
                raise CheckFailed(
                    f"the observation at step {k} changed when only prices after step {t} "
                    "changed: it contains a future price; build it from prices[: t + 1]"
                )


def check_costs(make: Callable[..., Any]) -> None:
    prices, cost = np.array([100.0, 100.0, 100.0, 100.0, 100.0]), 0.01  # a flat price
    _, _, infos, _ = play(make, prices, cost, 2, np.array([0, 1, 1, 2]))
    paid = [float(info["cost_paid"]) for info in infos]
    expect_true(
        paid[0] == 0.0 and paid[2] == 0.0,
        f"keeping the position (flat then flat, long then long) must cost nothing; "
        f"info['cost_paid'] was {paid[0]} and {paid[2]}",
    )
    expect_close(paid[1], cost, "the cost of going from flat to long (cost * value * 1)")
    expect_close(
        paid[3],
        2 * cost * (1 - cost),
        "the cost of going from long to short: the trade is twice the value, "
        "cost * value * |p' - p| with |-1 - 1| = 2",
    )


def check(module: ModuleType) -> None:
    make = get_function(module, "LongShortEnv")
    check_no_future(make)
    check_costs(make)

    def case(rng: np.random.Generator) -> tuple[np.ndarray, float, int, np.ndarray]:
        steps = int(rng.integers(5, 25))
        prices = 100 * np.exp(np.cumsum(rng.normal(0, 0.05, size=steps + 1)))
        return (
            prices,
            float(rng.uniform(0.001, 0.02)),
            int(rng.integers(1, 5)),
            rng.integers(3, size=steps),
        )

    for prices, cost, window, actions in random_cases(22, 20, case):
        observations, rewards, infos, ends = play(make, prices, cost, window, actions)
        expected_obs, expected_rewards, expected_values = reference(prices, cost, window, actions)
        values = np.array([1.0] + [float(info["value"]) for info in infos])
        expect_close(
            float(sum(rewards)),
            float(values[-1] - 1.0),
            "the sum of the rewards: it must be the final value minus 1 (each reward is the "
            "value after the step minus the value before it, the cost included)",
        )
        first = np.asarray(observations[0])
        expect_shape(first, (1 + window,), f"the observation with window {window}")
        expect_dtype(first, np.float32, "the observation")
        expect_close(
            np.array(values), expected_values, "info['value'] after each step (start 1.0)", 1e-9
        )
        expect_close(np.array(rewards), expected_rewards, "the rewards", 1e-9)
        expect_close(
            np.array([np.asarray(o, dtype=np.float64) for o in observations]),
            expected_obs,
            f"the observations [position, 100 * last {window} log returns, newest last]",
            1e-4,
        )
        expect_true(
            ends == [False] * (len(actions) - 1) + [True],
            f"terminated after each of {len(actions)} steps: expected only the last, got {ends}",
        )
