"""The trading environment of Part 6.3: Gymnasium's checker, seeding, the accounting of
value and costs, and an observation that never contains a future price."""

from __future__ import annotations

import warnings

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

from rlcourse.envs import TRADING_ID, TRADING_MEAN_REVERTING_ID
from rlcourse.envs.trading import (
    BUY,
    HOLD,
    SELL,
    TradingEnv,
    mean_reverting_prices,
    random_walk_prices,
)


@pytest.mark.parametrize("env_id", [TRADING_ID, TRADING_MEAN_REVERTING_ID])
def test_both_ids_pass_check_env_with_warnings_as_errors(env_id: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        env = gym.make(env_id, render_mode="rgb_array")
        check_env(env.unwrapped)
    env.reset(seed=0)
    frame = env.render()
    assert (
        isinstance(frame, np.ndarray) and frame.dtype == np.uint8 and frame.shape == (120, 240, 3)
    )


def test_the_ids_choose_the_process() -> None:
    assert isinstance(gym.make(TRADING_ID).unwrapped, TradingEnv)
    assert gym.make(TRADING_ID).unwrapped.process == "random_walk"  # type: ignore[attr-defined]
    mean_reverting = gym.make(TRADING_MEAN_REVERTING_ID).unwrapped
    assert isinstance(mean_reverting, TradingEnv) and mean_reverting.process == "mean_reverting"


def test_the_same_seed_gives_the_same_prices_and_another_seed_others() -> None:
    env = TradingEnv()
    env.reset(seed=5)
    first = env.prices.copy()
    env.reset(seed=5)
    assert np.array_equal(first, env.prices)
    env.reset(seed=6)
    assert not np.array_equal(first, env.prices)


def test_the_random_walk_is_a_martingale_and_mean_reversion_pulls_back() -> None:
    rng = np.random.default_rng(0)
    # E[P_1] = P_0: the mean of many one-step moves is the start, within its error.
    ones = np.array([random_walk_prices(rng, 1, volatility=0.05)[1] for _ in range(40_000)])
    assert abs(ones.mean() - 100.0) < 3 * ones.std() / np.sqrt(ones.size)
    # From 90, a mean-reverting price is expected to move up towards 100.
    ups = np.array(
        [mean_reverting_prices(rng, 1, start=90.0, volatility=0.01)[1] for _ in range(2_000)]
    )
    assert ups.mean() > 90.5


def test_value_and_costs_are_accounted_exactly() -> None:
    env = TradingEnv(steps=3, cost=0.01)
    env.reset(seed=0)
    env.prices = np.array([100.0, 110.0, 99.0, 99.0])
    _, reward, _, _, info = env.step(BUY)  # pay 1% of 1.0, then ride +10%
    assert info["value"] == pytest.approx(0.99 * 1.1)
    assert reward == pytest.approx(0.99 * 1.1 - 1.0)
    _, reward, _, _, _ = env.step(HOLD)  # ride -10%
    assert env.value == pytest.approx(0.99 * 1.1 * 0.9)
    _, reward, terminated, _, info = env.step(SELL)  # pay 1% to leave
    assert terminated and info["cost_paid"] == pytest.approx(0.01 * 0.99 * 1.1 * 0.9)
    assert sum(np.diff(env.values)) == pytest.approx(env.value - 1.0)
    env.reset(seed=0)
    _, reward, _, _, info = env.step(SELL)  # selling while in cash is free and changes nothing
    assert reward == 0.0 and info["cost_paid"] == 0.0


@pytest.mark.parametrize("process", ["random_walk", "mean_reverting"])
def test_the_observation_never_contains_a_future_price(process: str) -> None:
    """Perturb every price after step t: the observations up to t must not change."""
    rng = np.random.default_rng(1)
    actions = rng.integers(0, 3, size=30)
    for t in (0, 1, 7, 29):
        env = TradingEnv(process=process, steps=30)  # type: ignore[arg-type]
        observations = [env.reset(seed=2)[0]]
        observations += [env.step(a)[0] for a in actions[:t]]
        changed = TradingEnv(process=process, steps=30)  # type: ignore[arg-type]
        seen = [changed.reset(seed=2)[0]]
        changed.prices[t + 1 :] *= np.exp(rng.normal(0, 0.2, size=30 - t))  # another future
        seen += [changed.step(a)[0] for a in actions[:t]]
        for k, (a, b) in enumerate(zip(observations, seen, strict=True)):
            assert np.array_equal(a, b), f"observation {k} changed when prices after {t} did"


def test_bad_settings_get_one_clear_error() -> None:
    with pytest.raises(ValueError, match="process must be"):
        TradingEnv(process="sideways")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="cost >= 0"):
        TradingEnv(cost=-0.1)
