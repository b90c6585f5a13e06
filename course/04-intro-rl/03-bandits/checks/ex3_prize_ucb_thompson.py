"""Check for exercise 3: UCB1 indices by hand, Thompson's posterior draws, and both in play."""

from __future__ import annotations

import math
from types import ModuleType

import numpy as np

from coursetools.check_helpers import CheckFailed, expect_shape, expect_type, get_function

WIN_PROBS = np.array([0.5, 0.2, 0.9])
PRIZES = np.array([2.0, 10.0, 1.0])
EXPECTED = WIN_PROBS * PRIZES  # [1.0, 2.0, 0.9]: arm 1 is best
STEPS = 1000
RUNS = 20


def check_indices(module: ModuleType) -> None:
    ucb1_indices = get_function(module, "ucb1_indices")
    counts, values = np.array([0, 4, 10]), np.array([0.0, 0.5, 0.8])
    # By hand: t = 14 pulls so far, arm 0 never pulled; c(a) multiplies arm a's bonus.
    cases: list[tuple[np.ndarray, list[float]]] = []
    for c in (np.ones(3), np.array([1.0, 10.0, 2.0])):
        bonus_1 = c[1] * math.sqrt(2 * math.log(14) / 4)
        bonus_2 = c[2] * math.sqrt(2 * math.log(14) / 10)
        cases.append((c, [math.inf, 0.5 + bonus_1, 0.8 + bonus_2]))
    for reward_ranges, want in cases:
        what = (
            f"ucb1_indices(counts={counts.tolist()}, values={values.tolist()}, pulls=14, "
            f"reward_ranges={reward_ranges.tolist()})"
        )
        got = expect_type(ucb1_indices(counts, values, 14, reward_ranges), np.ndarray, what)
        expect_shape(got, (3,), what)
        if not (math.isinf(got[0]) and got[0] > 0):
            raise CheckFailed(f"{what}: an arm never pulled needs index +inf, got {got[0]!r}")
        if not np.allclose(got[1:], want[1:], rtol=1e-9):
            raise CheckFailed(
                f"{what}: expected {np.round(want, 6).tolist()}, got {np.round(got, 6).tolist()}"
            )


def check_draws(module: ModuleType) -> None:
    thompson_draws = get_function(module, "thompson_draws")
    wins, losses, prizes = np.array([3.0, 0.0]), np.array([1.0, 0.0]), np.array([2.0, 5.0])
    what = (
        f"thompson_draws(wins={wins.tolist()}, losses={losses.tolist()}, prizes={prizes.tolist()})"
    )
    rng = np.random.default_rng(4)
    draws = np.array(
        [
            expect_type(thompson_draws(wins, losses, prizes, rng), np.ndarray, what)
            for _ in range(20_000)
        ]
    )
    expect_shape(draws, (20_000, 2), what + ", stacked over 20000 calls")
    # Beta(a, b) has mean a / (a + b) and variance ab / ((a + b)^2 (a + b + 1)).
    a, b = 1 + wins, 1 + losses
    mean = prizes * a / (a + b)
    std = prizes * np.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    got_mean, got_std = draws.mean(axis=0), draws.std(axis=0)
    if np.any(np.abs(got_mean - mean) > 5 * std / math.sqrt(len(draws))):
        raise CheckFailed(
            f"{what}: draws should average v (1 + wins) / (2 + wins + losses) = "
            f"{np.round(mean, 4)}, got {np.round(got_mean, 4)}; "
            "the posterior is Beta(1 + wins, 1 + losses)"
        )
    if np.any(np.abs(got_std / std - 1) > 0.05):
        raise CheckFailed(
            f"{what}: draws should have standard deviation {np.round(std, 4)}, "
            f"got {np.round(got_std, 4)}"
        )


def mean_regret(arms_per_run: list[np.ndarray], what: str) -> float:
    gaps = EXPECTED.max() - EXPECTED
    for arms in arms_per_run:
        arms = expect_type(arms, np.ndarray, what)
        expect_shape(arms, (STEPS,), what)
        if not np.all((arms >= 0) & (arms < 3)):
            raise CheckFailed(f"{what}: arms must be 0, 1 or 2, got {np.unique(arms)}")
    return float(np.mean([gaps[arms].sum() for arms in arms_per_run]))


def check_play(module: ModuleType) -> None:
    play_ucb1 = get_function(module, "play_ucb1")
    play_thompson = get_function(module, "play_thompson")
    problem = f"p={WIN_PROBS.tolist()}, v={PRIZES.tolist()}, steps={STEPS}"
    rng = np.random.default_rng(5)
    first = play_ucb1(WIN_PROBS, PRIZES, PRIZES, STEPS, rng)
    opening = np.asarray(first)[:3].tolist()
    if sorted(opening) != [0, 1, 2]:
        raise CheckFailed(f"play_ucb1: the first 3 pulls should try each arm once, got {opening}")
    random_regret = STEPS * float(np.mean(EXPECTED.max() - EXPECTED))
    one_range = mean_regret(
        [play_ucb1(WIN_PROBS, PRIZES, np.full(3, 10.0), STEPS, rng) for _ in range(RUNS)],
        f"play_ucb1({problem}, reward_ranges=[10, 10, 10])",
    )
    own_ranges = mean_regret(
        [play_ucb1(WIN_PROBS, PRIZES, PRIZES, STEPS, rng) for _ in range(RUNS)],
        f"play_ucb1({problem}, reward_ranges=v)",
    )
    thompson = mean_regret(
        [play_thompson(WIN_PROBS, PRIZES, STEPS, rng) for _ in range(RUNS)],
        f"play_thompson({problem})",
    )
    # Bounds with a wide margin around what correct code gets (see the post's exercise).
    limits = [
        ("play_ucb1 with reward_ranges = [10, 10, 10]", one_range, 0.8 * random_regret),
        ("play_ucb1 with reward_ranges = v", own_ranges, 60.0),
        ("play_thompson", thompson, 150.0),
    ]
    for name, got, limit in limits:
        if got > limit:
            raise CheckFailed(
                f"{name} on {problem}: mean regret over {RUNS} runs should be below {limit:.0f} "
                f"(random arms: {random_regret:.0f}), got {got:.1f}"
            )


def check(module: ModuleType) -> None:
    check_indices(module)
    check_draws(module)
    check_play(module)
