"""Lesson 6.3: the strategies and the episodes the trading demos share, the quick run's
checks of the price processes and of the observation's blindness to the future, and the
committed results that the post's argument rests on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from coursetools.file_import import import_file
from coursetools.lessons import load
from rlcourse.envs.trading import BUY, HOLD, SELL, TradingEnv
from tests.lessons.conftest import QuickRun

LESSON = load("6.3")


@pytest.fixture(scope="module")
def strategies() -> Any:
    return import_file(LESSON.folder / "strategies.py")


@pytest.fixture(scope="module")
def quick(quick_run: QuickRun) -> tuple[dict[str, dict[str, Any]], Path]:
    run = quick_run(LESSON.id)
    return run.results, run.out_dir


def test_the_threshold_rule_buys_below_the_band_and_sells_above(strategies: Any) -> None:
    def observation(level: float) -> np.ndarray:
        return np.array([0.0, level, 0, 0, 0, 0, 0], dtype=np.float32)

    assert strategies.threshold_rule(observation(-1.5)) == BUY
    assert strategies.threshold_rule(observation(-0.5)) == HOLD
    assert strategies.threshold_rule(observation(0.2)) == SELL
    assert strategies.buy_and_hold(observation(3.0)) == BUY


def test_an_episode_records_the_values_positions_and_trades_the_env_saw(strategies: Any) -> None:
    episode = strategies.play(strategies.random_policy(seed=3), "mean_reverting", seed=7)
    env = TradingEnv(process="mean_reverting")
    env.reset(seed=7)
    assert np.array_equal(episode.prices, env.prices)  # the seed fixes the path
    assert episode.values.shape == (env.steps + 1,) and episode.values[0] == 1.0
    assert episode.positions.shape == (env.steps,)
    # Every change of position is one trade, and only those pay.
    changes = int(np.sum(np.diff(np.concatenate([[0], episode.positions])) != 0))
    assert episode.trades == changes
    growth = episode.prices[1:] / episode.prices[:-1]
    costs = 1 - env.cost * (np.diff(np.concatenate([[0], episode.positions])) != 0)
    expected = np.cumprod(costs * np.where(episode.positions == 1, growth, 1.0))
    assert np.allclose(episode.values[1:], expected)


def test_quick_run_checks_the_processes_and_the_future(
    quick: tuple[dict[str, dict[str, Any]], Path],
) -> None:
    results, out = quick
    prices = results["demo_prices"]
    assert prices["same_seed_same_path"]
    assert abs(prices["predictive_slope"]["random_walk"]) < 0.02
    assert prices["predictive_slope"]["mean_reverting"] == pytest.approx(-0.1, abs=0.03)
    assert prices["final_spread"]["random_walk"] > 3 * prices["final_spread"]["mean_reverting"]
    env = results["demo_env"]
    assert env["past_unchanged"] and env["next_changed"]
    assert env["final_value"]["stay in cash"] == [1.0, 0.0]
    assert results["demo_train"]["total_steps"] > 0
    for name in ("prices", "portfolio_values", "final_values"):
        assert (out / f"{name}.png").stat().st_size > 0


def committed() -> dict[str, Any]:
    return json.loads((LESSON.outputs / "results.json").read_text(encoding="utf-8"))


def test_committed_results_no_edge_on_the_martingale() -> None:
    results = committed()
    env, train = results["demo_env"], results["demo_train"]
    # Random trading loses what its trades cost, within three standard errors.
    mean, error = env["final_value"]["random"]
    assert abs(mean - env["predicted"]["random"]) < 3 * error
    # The trained agents, over at least 3 seeds, end no higher than buy-and-hold's noise.
    assert train["seeds"] >= 3
    agent, hold = train["agent"]["random_walk"], train["buy_and_hold"]["random_walk"]
    assert agent[0] < hold[0] + 2 * hold[1]
    assert agent[0] < 1.0


def test_committed_results_the_agents_learn_the_mean_reverting_edge() -> None:
    train = committed()["demo_train"]
    agent = train["agent"]["mean_reverting"]
    hold, random = train["buy_and_hold"]["mean_reverting"], train["random"]["mean_reverting"]
    assert agent[0] - 2 * agent[1] > hold[0] + 2 * hold[1]
    assert agent[0] > random[0]
    assert all(score > 1.0 for score in train["agent_per_seed"]["mean_reverting"])
