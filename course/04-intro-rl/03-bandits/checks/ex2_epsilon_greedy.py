"""Check for exercise 2: epsilon-greedy probabilities with ties, sampling, a run, tracking."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_type,
    get_function,
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


def check_probabilities(module: ModuleType) -> None:
    probabilities = get_function(module, "epsilon_greedy_probabilities")
    for values, epsilon, expected in PROBABILITY_CASES:
        what = f"epsilon_greedy_probabilities({values}, epsilon={epsilon})"
        got = expect_type(probabilities(np.array(values), epsilon), np.ndarray, what)
        expect_close(got, np.array(expected), what)


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


def check_tracking(module: ModuleType) -> None:
    selection_fractions = get_function(module, "selection_fractions")
    arms = np.array([0, 2, 2, 1, 2])
    expected = np.array(
        [
            [1, 0, 0, 0],
            [1 / 2, 0, 1 / 2, 0],
            [1 / 3, 0, 2 / 3, 0],
            [1 / 4, 1 / 4, 2 / 4, 0],
            [1 / 5, 1 / 5, 3 / 5, 0],
        ]
    )
    what = f"selection_fractions({arms.tolist()}, n_arms=4)"
    got = expect_type(selection_fractions(arms, 4), np.ndarray, what)
    expect_shape(got, (5, 4), what)
    expect_close(got, expected, what)


def check(module: ModuleType) -> None:
    check_probabilities(module)
    check_choice(module)
    check_run(module)
    check_tracking(module)
