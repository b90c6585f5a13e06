"""Check for exercise 2: epsilon-greedy probabilities with ties (fixed and random cases
against a reference), sampling, runs that average with 1/N and follow their rng, tracking."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_dtype,
    expect_seeded,
    expect_shape,
    expect_type,
    get_function,
    random_cases,
)

# (estimates, epsilon, probabilities worked out by hand)
PROBABILITY_CASES: list[tuple[list[float], float, list[float]]] = [
    ([0.2, 0.5, 0.1], 0.1, [0.1 / 3, 0.9 + 0.1 / 3, 0.1 / 3]),
    ([0.2, 0.5, 0.1], 0.0, [0.0, 1.0, 0.0]),
    ([0.2, 0.5, 0.1], 1.0, [1 / 3, 1 / 3, 1 / 3]),
    # Three arms tie for the top: each gets ε/k plus a third of 1 - ε.
    ([0.5, 0.5, 0.1, 0.5], 0.2, [0.05 + 0.8 / 3, 0.05 + 0.8 / 3, 0.05, 0.05 + 0.8 / 3]),
    ([0.0, 0.0], 0.0, [0.5, 0.5]),
]


def reference_probabilities(values: np.ndarray, epsilon: float) -> np.ndarray:
    is_max = values == values.max()
    return epsilon / len(values) + (1 - epsilon) * is_max / is_max.sum()


def random_estimates(rng: np.random.Generator) -> tuple[list[float], float, list[float]]:
    """Estimates on a coarse grid, so that ties for the top are common."""
    values = (rng.integers(0, 4, size=int(rng.integers(2, 7))) / 4).tolist()
    epsilon = float(rng.choice([0.05, 0.1, 0.3, 0.5]))
    return values, epsilon, reference_probabilities(np.array(values), epsilon).tolist()


def check_probabilities(module: ModuleType) -> None:
    probabilities = get_function(module, "epsilon_greedy_probabilities")
    for values, epsilon, expected in PROBABILITY_CASES + random_cases(32, 6, random_estimates):
        what = f"epsilon_greedy_probabilities({values}, epsilon={epsilon})"
        got = expect_type(probabilities(np.array(values), epsilon), np.ndarray, what)
        want = np.array(expected)
        top = np.array(values) == max(values)
        if top.sum() > 1 and got.shape == want.shape and not np.allclose(got, want):
            raise CheckFailed(
                f"{what}: expected {np.round(want, 4).tolist()}, got {np.round(got, 4).tolist()}: "
                f"the {int(top.sum())} arms tied for the largest estimate share the greedy "
                "part 1 - epsilon equally"
            )
        if got.shape == want.shape and not np.isclose(got[~top], epsilon / len(values)).all():
            raise CheckFailed(
                f"{what}: an arm that is not greedy should get epsilon / k = "
                f"{epsilon / len(values):.4g}, got {np.round(got, 4).tolist()}: exploring picks "
                "one of all k arms uniformly, the greedy ones included"
            )
        expect_close(got, want, what)


def check_choice(module: ModuleType) -> None:
    choose_arm = get_function(module, "choose_arm")
    values, epsilon, draws = np.array([0.3, 0.3, 0.1, 0.0]), 0.3, 20_000
    expected = np.array([0.075 + 0.35, 0.075 + 0.35, 0.075, 0.075])
    rng = np.random.default_rng(3)
    arms = [choose_arm(values, epsilon, rng) for _ in range(draws)]
    what = f"choose_arm({values.tolist()}, epsilon={epsilon})"
    if not all(isinstance(arm, int | np.integer) and 0 <= arm < 4 for arm in arms):
        raise CheckFailed(f"{what}: expected an int arm index in 0..3, got e.g. {arms[0]!r}")
    frequencies = np.bincount(np.array(arms, dtype=np.int64), minlength=4) / draws
    # 5 standard errors sqrt(p(1-p)/n) of a frequency: a correct answer fails ~1 in 10^6.
    tolerance = 5 * np.sqrt(expected * (1 - expected) / draws)
    if np.any(np.abs(frequencies - expected) > tolerance):
        raise CheckFailed(
            f"{what}: over {draws} draws expected frequencies {expected} "
            f"(± {np.round(tolerance, 3)}), got {np.round(frequencies, 3)}"
        )


def check_run(module: ModuleType) -> None:
    run_epsilon_greedy = get_function(module, "run_epsilon_greedy")
    means, epsilon, steps, seeds = np.array([0.2, 0.8]), 0.1, 1000, 20
    what = f"run_epsilon_greedy(means={means.tolist()}, epsilon={epsilon}, steps={steps})"
    late_best: list[float] = []
    for seed in range(seeds):
        arms = run_epsilon_greedy(means, epsilon, steps, np.random.default_rng(seed))
        arms = expect_type(arms, np.ndarray, what)
        expect_shape(arms, (steps,), what)
        expect_dtype(arms, np.int64, what)
        if not np.all((arms == 0) | (arms == 1)):
            raise CheckFailed(f"{what}: arms must be 0 or 1, got {np.unique(arms)}")
        late_best.append(float(np.mean(arms[500:] == 1)))
    # A learner that settles on arm 1 pulls it with probability 1 - ε/2 = 0.95.
    fraction = float(np.mean(late_best))
    if not 0.9 <= fraction <= 0.99:
        raise CheckFailed(
            f"{what}: over {seeds} runs, the best arm (1) should get about 95% of the last 500 "
            f"pulls, got {fraction:.1%}; are the estimates updated with Q += (R - Q) / N?"
        )
    # Two arms that always pay 1: sample averages make both estimates exactly 1 once each
    # arm was pulled, so greedy pulls split evenly between them (ties at random). A
    # constant step size leaves the arm pulled less with a lower estimate, and it starves.
    always = np.array([1.0, 1.0, 0.0])
    shares = []
    for seed in range(10):
        arms = np.asarray(run_epsilon_greedy(always, 0.2, 300, np.random.default_rng(seed)))
        late = arms[100:]
        shares.append(max(float(np.mean(late == 0)), float(np.mean(late == 1))))
    if float(np.mean(shares)) > 0.65:
        raise CheckFailed(
            f"run_epsilon_greedy(means={always.tolist()}, epsilon=0.2): two arms always pay 1, "
            "so their sample averages are both exactly 1 and greedy pulls should split evenly; "
            f"one arm got {np.mean(shares):.0%} of steps 100..299 on average: estimates must "
            "be sample averages, Q += (R - Q) / N (not a constant step size), with ties broken "
            "at random"
        )
    expect_seeded(
        lambda seed: run_epsilon_greedy(means, epsilon, 100, np.random.default_rng(seed)),
        "run_epsilon_greedy(..., rng=np.random.default_rng(seed))",
    )


def reference_fractions(arms: np.ndarray, n_arms: int) -> np.ndarray:
    counts = np.cumsum(arms[:, None] == np.arange(n_arms), axis=0)
    return counts / np.arange(1, len(arms) + 1)[:, None]


def check_tracking(module: ModuleType) -> None:
    selection_fractions = get_function(module, "selection_fractions")
    fixed = np.array([0, 2, 2, 1, 2])
    randoms = random_cases(33, 3, lambda rng: rng.integers(0, 4, size=int(rng.integers(5, 40))))
    for arms in [fixed, *randoms]:
        what = f"selection_fractions({arms.tolist()}, n_arms=4)"
        got = expect_type(selection_fractions(arms, 4), np.ndarray, what)
        expect_shape(got, (len(arms), 4), what)
        expect_close(
            got, reference_fractions(arms, 4), f"{what} (row t: shares of the first t + 1 pulls)"
        )


def check(module: ModuleType) -> None:
    check_probabilities(module)
    check_choice(module)
    check_run(module)
    check_tracking(module)
