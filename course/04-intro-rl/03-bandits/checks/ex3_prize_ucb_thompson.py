"""Check for exercise 3: UCB1 indices (fixed and random cases against a reference),
Thompson's posterior draws, what each loop passes to them, seeds, and both in play."""

from __future__ import annotations

import math
from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_seeded,
    expect_shape,
    expect_true,
    expect_type,
    get_function,
    random_cases,
    recorded_calls,
)

WIN_PROBS = np.array([0.5, 0.2, 0.9])
PRIZES = np.array([2.0, 10.0, 1.0])
EXPECTED = WIN_PROBS * PRIZES  # [1.0, 2.0, 0.9]: arm 1 is best
STEPS = 1000
RUNS = 20


def reference_indices(
    counts: np.ndarray, values: np.ndarray, pulls: int, ranges: np.ndarray
) -> np.ndarray:
    bonus = ranges * np.sqrt(2 * np.log(pulls) / np.maximum(counts, 1))
    return np.where(counts == 0, np.inf, values + bonus)


def random_state(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, np.ndarray]:
    arms = int(rng.integers(2, 6))
    counts = rng.integers(0, 20, size=arms)
    counts[0] = max(counts[0], 1)  # at least one arm pulled
    ranges = rng.integers(1, 10, size=arms).astype(np.float64)
    return counts, rng.random(arms) * ranges, int(counts.sum()), ranges


def index_mistake(
    got: np.ndarray, counts: np.ndarray, values: np.ndarray, pulls: int, ranges: np.ndarray
) -> str | None:
    """What a wrong index got from: the usual mistakes, each computed here."""
    played = counts > 0
    variants = {
        "the bonus is not multiplied by c(a), the width of arm a's reward range": (
            reference_indices(counts, values, pulls, np.ones_like(ranges))
        ),
        "the UCB1 bonus is c(a) sqrt(2 ln t / N(a)): the 2 is missing": (
            values + ranges * np.sqrt(np.log(pulls) / np.maximum(counts, 1))
        ),
    }
    for explanation, wrong in variants.items():
        if np.allclose(got[played], wrong[played], rtol=1e-9):
            return explanation
    return None


def check_indices(module: ModuleType) -> None:
    ucb1_indices = get_function(module, "ucb1_indices")
    fixed = [
        (np.array([0, 4, 10]), np.array([0.0, 0.5, 0.8]), 14, c)
        for c in (np.ones(3), np.array([1.0, 10.0, 2.0]))
    ]
    for counts, values, pulls, ranges in fixed + random_cases(34, 5, random_state):
        what = (
            f"ucb1_indices(counts={counts.tolist()}, values={np.round(values, 3).tolist()}, "
            f"pulls={pulls}, reward_ranges={ranges.tolist()})"
        )
        got = expect_type(ucb1_indices(counts, values, pulls, ranges), np.ndarray, what)
        expect_shape(got, counts.shape, what)
        unplayed = counts == 0
        if not np.all(np.isinf(got[unplayed]) & (got[unplayed] > 0)):
            raise CheckFailed(f"{what}: an arm never pulled needs index +inf, got {got.tolist()}")
        want = reference_indices(counts, values, pulls, ranges)
        if not np.allclose(got[~unplayed], want[~unplayed], rtol=1e-9):
            mistake = index_mistake(got, counts, values, pulls, ranges)
            raise CheckFailed(
                f"{what}: expected Q(a) + c(a) sqrt(2 ln t / N(a)) = "
                f"{np.round(want, 6).tolist()}, got {np.round(got, 6).tolist()}"
                + (f": {mistake}" if mistake else "")
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
    if np.allclose(got_mean, mean / prizes, rtol=0.05):
        raise CheckFailed(
            f"{what}: draws average {np.round(got_mean, 4)}, the posterior means of θ(a) "
            "alone: multiply each draw by the arm's prize v(a)"
        )
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


# Arms 0 and 2 always win, arm 1 never does: the counts each loop passes are known.
SURE_WINS = np.array([1.0, 0.0, 1.0])


def check_loop_arguments(module: ModuleType) -> None:
    """What play_ucb1 passes to ucb1_indices, and play_thompson to thompson_draws."""
    steps = 30
    with recorded_calls(module, "ucb1_indices") as calls:
        arms = np.asarray(module.play_ucb1(SURE_WINS, PRIZES, PRIZES, steps, rng_of(9)))
    expect_true(
        len(calls) == steps,
        f"play_ucb1 made {len(calls)} calls of ucb1_indices in {steps} steps: choose each "
        "arm with ucb1_indices(counts, values, t, reward_ranges)",
    )
    paid = SURE_WINS * PRIZES  # what each arm pays on every pull here
    for t, (counts, values, pulls, _) in enumerate(calls):
        expected_counts = np.bincount(arms[:t], minlength=3)
        expect_true(
            int(pulls) == t and np.array_equal(counts, expected_counts),
            f"play_ucb1, step {t}: passed counts={np.asarray(counts).tolist()} and "
            f"pulls={pulls}; expected counts {expected_counts.tolist()} (the pulls of each "
            f"arm so far) and pulls={t}",
        )
        played = expected_counts > 0
        expect_true(
            np.allclose(np.asarray(values)[played], paid[played]),
            f"play_ucb1, step {t}: passed values={np.asarray(values).tolist()}; arms that "
            f"always pay {paid.tolist()} must have exactly those sample averages",
        )

    with recorded_calls(module, "thompson_draws") as draws:
        arms = np.asarray(module.play_thompson(SURE_WINS, PRIZES, steps, rng_of(9)))
    expect_true(
        len(draws) == steps,
        f"play_thompson made {len(draws)} calls of thompson_draws in {steps} steps",
    )
    for t, (wins, losses, _, _) in enumerate(draws):
        pulled = np.bincount(arms[:t], minlength=3)
        expected_wins = pulled * SURE_WINS
        expect_true(
            np.array_equal(wins, expected_wins) and np.array_equal(losses, pulled - expected_wins),
            f"play_thompson, step {t}: passed wins={np.asarray(wins).tolist()}, "
            f"losses={np.asarray(losses).tolist()}; after the pulls {arms[:t].tolist()}, "
            f"expected wins={expected_wins.tolist()}, losses={(pulled - expected_wins).tolist()}"
            ": a win counts 1 (the arm paid its prize), not the coins it paid",
        )


def rng_of(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def check_play(module: ModuleType) -> None:
    play_ucb1 = get_function(module, "play_ucb1")
    play_thompson = get_function(module, "play_thompson")
    problem = f"p={WIN_PROBS.tolist()}, v={PRIZES.tolist()}, steps={STEPS}"
    rng = np.random.default_rng(5)
    openings = [np.asarray(play_ucb1(WIN_PROBS, PRIZES, PRIZES, 3, rng_of(s))) for s in range(8)]
    for opening in openings:
        if sorted(opening.tolist()) != [0, 1, 2]:
            raise CheckFailed(
                f"play_ucb1: the first 3 pulls should try each arm once, got {opening.tolist()}"
            )
    expect_true(
        len({int(opening[0]) for opening in openings}) > 1,
        "play_ucb1 with 8 seeds always pulled the same arm first: the three untried arms tie "
        "at +inf, and ties must be broken at random (rng.choice among the best)",
    )
    check_loop_arguments(module)
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
    expect_seeded(
        lambda seed: play_ucb1(WIN_PROBS, PRIZES, PRIZES, 50, rng_of(seed)),
        "play_ucb1(..., rng=np.random.default_rng(seed))",
    )
    expect_seeded(
        lambda seed: play_thompson(WIN_PROBS, PRIZES, 50, rng_of(seed)),
        "play_thompson(..., rng=np.random.default_rng(seed))",
    )


def check(module: ModuleType) -> None:
    check_indices(module)
    check_draws(module)
    check_play(module)
