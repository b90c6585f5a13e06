"""The bandit library of lesson 4.3: rewards, estimates, the three strategies, simulation."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from coursetools.lessons import load
from rlcourse.agents.bandits import (
    ArmStatistics,
    BernoulliBandit,
    argmax_random_ties,
    epsilon_greedy,
    mean_and_half_width,
    simulate,
    strategy_rng,
    thompson_sampling,
    ucb1,
)

MEANS = np.array([0.45, 0.25, 0.70, 0.55, 0.60])


@pytest.fixture
def bandit() -> BernoulliBandit:
    return BernoulliBandit(MEANS)


def test_bandit_properties(bandit: BernoulliBandit) -> None:
    assert bandit.n_arms == 5
    assert bandit.best_arm == 2
    assert bandit.best_mean == pytest.approx(0.70)
    np.testing.assert_allclose(bandit.gaps, [0.25, 0.45, 0.0, 0.15, 0.10])


def test_pull_pays_zero_or_one_at_the_arm_rate(bandit: BernoulliBandit) -> None:
    rng = np.random.default_rng(0)
    arms = np.repeat(np.arange(5)[:, None], 20_000, axis=1)  # (5, 20000)
    rewards = bandit.pull(arms, rng)
    assert rewards.shape == arms.shape
    assert set(np.unique(rewards).tolist()) == {0.0, 1.0}
    tolerance = 5 * np.sqrt(MEANS * (1 - MEANS) / 20_000)  # 5 standard errors
    assert np.all(np.abs(rewards.mean(axis=1) - MEANS) < tolerance)


def test_incremental_update_gives_sample_averages() -> None:
    rng = np.random.default_rng(1)
    stats = ArmStatistics.empty(runs=3, n_arms=4)
    arms = rng.integers(4, size=(50, 3))  # 50 steps of 3 runs
    rewards = rng.random((50, 3))
    for step_arms, step_rewards in zip(arms, rewards, strict=True):
        stats.update(step_arms, step_rewards)
    for run in range(3):
        for arm in range(4):
            chosen = arms[:, run] == arm
            assert stats.counts[run, arm] == chosen.sum()
            expected = rewards[chosen, run].mean() if chosen.any() else 0.0
            assert stats.values[run, arm] == pytest.approx(expected)


def test_argmax_random_ties_is_uniform_over_the_maxima() -> None:
    rng = np.random.default_rng(2)
    scores = np.tile([1.0, 3.0, 3.0, 2.0, 3.0], (30_000, 1))
    chosen = argmax_random_ties(scores, rng)
    counts = np.bincount(chosen, minlength=5)
    assert counts[0] == counts[3] == 0
    np.testing.assert_allclose(counts[[1, 2, 4]] / 30_000, 1 / 3, atol=0.015)


def test_epsilon_greedy_extremes() -> None:
    rng = np.random.default_rng(3)
    stats = ArmStatistics.empty(runs=20_000, n_arms=4)
    stats.values[:] = [0.1, 0.9, 0.3, 0.2]
    assert np.all(epsilon_greedy(0.0)(stats, 10, rng) == 1)
    uniform = np.bincount(epsilon_greedy(1.0)(stats, 10, rng), minlength=4) / 20_000
    np.testing.assert_allclose(uniform, 0.25, atol=0.02)
    mixed = np.bincount(epsilon_greedy(0.2)(stats, 10, rng), minlength=4) / 20_000
    np.testing.assert_allclose(mixed, [0.05, 0.85, 0.05, 0.05], atol=0.02)


def test_ucb1_tries_every_arm_first_then_follows_the_index(bandit: BernoulliBandit) -> None:
    history = simulate(bandit, ucb1, steps=5, runs=200, rng=np.random.default_rng(4))
    assert np.all(np.sort(history.arms, axis=1) == np.arange(5))
    stats = ArmStatistics(np.array([[4, 10, 20]]), np.array([[0.5, 0.8, 0.85]]))
    index = stats.values[0] + np.sqrt(2 * math.log(34) / stats.counts[0])
    # About 1.83, 1.64, 1.44: the least-pulled arm 0 leads, though arm 2 has the top estimate.
    np.testing.assert_allclose(index, [1.828, 1.640, 1.444], atol=1e-3)
    assert ucb1(stats, 34, np.random.default_rng(5))[0] == 0


def test_thompson_follows_the_posterior() -> None:
    # Arm 1: 90 successes in 100 pulls; arm 0: 10 in 100. Beta(91, 11) beats Beta(11, 91).
    stats = ArmStatistics(np.array([[100, 100]] * 1000), np.array([[0.1, 0.9]] * 1000))
    assert np.all(thompson_sampling(stats, 200, np.random.default_rng(6)) == 1)
    # Before any pull both posteriors are uniform: each arm wins half the draws.
    fresh = ArmStatistics.empty(runs=20_000, n_arms=2)
    share = thompson_sampling(fresh, 0, np.random.default_rng(7)).mean()
    assert share == pytest.approx(0.5, abs=0.02)


def test_simulate_is_reproducible_and_consistent(bandit: BernoulliBandit) -> None:
    first = simulate(bandit, thompson_sampling, 300, 50, strategy_rng(0, "Thompson sampling"))
    again = simulate(bandit, thompson_sampling, 300, 50, strategy_rng(0, "Thompson sampling"))
    assert first.arms.shape == first.rewards.shape == (50, 300)
    np.testing.assert_array_equal(first.arms, again.arms)
    np.testing.assert_array_equal(first.rewards, again.rewards)
    assert np.all(first.final.counts.sum(axis=1) == 300)
    regret = first.regret(bandit)
    assert np.all(np.diff(regret, axis=1) >= 0)
    # Regret decomposition: Σ_t Δ(A_t) = Σ_a Δ(a) N_T(a).
    np.testing.assert_allclose(regret[:, -1], first.final.counts @ bandit.gaps)
    np.testing.assert_array_equal(first.optimal(bandit), first.arms == 2)


def test_strategy_rng_separates_strategies() -> None:
    a = strategy_rng(0, "UCB1").random(5)
    np.testing.assert_array_equal(a, strategy_rng(0, "UCB1").random(5))
    assert not np.array_equal(a, strategy_rng(0, "Thompson sampling").random(5))
    assert not np.array_equal(a, strategy_rng(1, "UCB1").random(5))


def test_mean_and_half_width_by_hand() -> None:
    mean, half_width = mean_and_half_width(np.array([[1.0, 2.0], [3.0, 6.0], [5.0, 10.0]]))
    np.testing.assert_allclose(mean, [3.0, 6.0])
    np.testing.assert_allclose(half_width, 1.96 * np.array([2.0, 4.0]) / math.sqrt(3))


@pytest.mark.parametrize("name", ["epsilon 0.1", "UCB1", "Thompson sampling"])
def test_every_strategy_learns(bandit: BernoulliBandit, name: str) -> None:
    policy = {
        "epsilon 0.1": epsilon_greedy(0.1),
        "UCB1": ucb1,
        "Thompson sampling": thompson_sampling,
    }
    history = simulate(bandit, policy[name], 3000, 100, strategy_rng(0, name))
    late = history.optimal(bandit)[:, -500:].mean()
    random_regret = 3000 * bandit.gaps.mean()
    assert late > 0.7, f"{name} pulls the best arm in only {late:.0%} of the last 500 steps"
    assert history.regret(bandit)[:, -1].mean() < 0.5 * random_regret


def test_the_committed_results_support_the_posts_conclusions() -> None:
    """The comparisons lesson 4.3 draws hold with 95% intervals that do not overlap.

    (tests/test_lessons.py's full-mode test checks that a rerun gives these numbers.)
    """
    lesson = load("4.3")
    committed = json.loads((lesson.outputs / "results.json").read_text())

    # What the post concludes from those numbers, with 95% intervals that do not overlap.
    def below(low_side: tuple[float, float], high_side: tuple[float, float]) -> bool:
        return low_side[0] + low_side[1] < high_side[0] - high_side[1]

    demo3 = committed["demo_ucb_thompson"]
    thompson = (demo3["thompson"]["regret"], demo3["thompson"]["regret_half_width"])
    assert below(thompson, (demo3["ucb1"]["regret"], demo3["ucb1"]["regret_half_width"]))

    def regret(strategy: dict[str, list[float]], checkpoint: int) -> tuple[float, float]:
        return (
            strategy["regret_at_checkpoints"][checkpoint],
            strategy["regret_half_width_at_checkpoints"][checkpoint],
        )

    epsilon_01, _, ucb, _ = committed["demo_cumulative_reward"]["strategies"]
    assert below(regret(epsilon_01, 3), regret(ucb, 3))  # t = 10,000: epsilon-greedy ahead
    assert below(regret(ucb, 4), regret(epsilon_01, 4))  # t = 20,000: UCB1 ahead
