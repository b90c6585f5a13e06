"""Check of exercise 4: first-visit MC estimates of Q and the greedy policy they give, on
hand-made episodes and random ones against a reference written here."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_type,
    get_function,
    random_cases,
)
from rlcourse.episodes import Step

# State 1 with action 0 twice in one episode, state 1 with action 1 once; gamma 0.5.
# Rewards -1, -2, -4, 8 at t = 0..3:
#   G_3 = 8, G_2 = -4 + 4 = 0, G_1 = -2 + 0 = -2, G_0 = -1 + 0.5 * -2 = -2.
EPISODE_A = [
    Step(1, 0, -1.0, 2, False),  # (1, 0) first visit: G_0 = -2
    Step(2, 1, -2.0, 1, False),  # (2, 1): G_1 = -2
    Step(1, 0, -4.0, 1, False),  # (1, 0) again: not a first visit
    Step(1, 1, 8.0, 0, True),  # (1, 1): G_3 = 8
]
EPISODE_B = [Step(1, 0, -3.0, 0, True)]  # (1, 0): G = -3


def check_q(first_visit_q: Callable[..., Any]) -> None:
    what = "first_visit_q([episode A, episode B], 3 states, 2 actions, gamma 0.5)"
    result = first_visit_q([EPISODE_A, EPISODE_B], 3, 2, 0.5)
    if not isinstance(result, tuple) or len(result) != 2:
        raise CheckFailed(f"{what}: expected a tuple (q, counts), got {type(result).__name__}")
    q = expect_type(result[0], np.ndarray, f"{what}: q")
    counts = expect_type(result[1], np.ndarray, f"{what}: counts")
    expect_close(
        counts,
        np.array([[0.0, 0.0], [2.0, 1.0], [0.0, 1.0]]),
        f"{what}: counts (one first visit of (1, 0) per episode, however often it repeats)",
    )
    expect_close(
        q,
        np.array([[0.0, 0.0], [(-2.0 + -3.0) / 2, 8.0], [0.0, -2.0]]),
        f"{what}: q (q[1, 0] averages G_0 = -2 of A and -3 of B)",
    )


def check_greedy(greedy_from_q: Callable[..., Any]) -> None:
    q = np.array(
        [
            [-5.0, 0.0, -2.0, 0.0],  # actions 1 and 3 untried: -2 (action 2) is the best tried
            [0.0, 0.0, 0.0, 0.0],  # nothing tried: action 0
            [-1.0, 3.0, 3.0, -7.0],  # a tie between 1 and 2: the lowest, 1
        ]
    )
    counts = np.array([[4.0, 0.0, 2.0, 0.0], [0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0]])
    got = greedy_from_q(q, counts)
    actions = expect_type(got, np.ndarray, "greedy_from_q(q, counts)")
    expect_equal(
        actions.tolist(),
        [2, 0, 1],
        "greedy_from_q on [tried -5 and -2, untried 0s], [nothing tried], [tie 3 and 3]",
    )


def reference_q(episodes: list[list[Step]], gamma: float) -> tuple[np.ndarray, np.ndarray]:
    totals, counts = np.zeros((4, 3)), np.zeros((4, 3))
    for episode in episodes:
        seen: set[tuple[int, int]] = set()
        for t, step in enumerate(episode):
            if (step.state, step.action) in seen:
                continue
            seen.add((step.state, step.action))
            totals[step.state, step.action] += sum(
                gamma**k * later.reward for k, later in enumerate(episode[t:])
            )
            counts[step.state, step.action] += 1
    return np.divide(totals, counts, out=np.zeros_like(totals), where=counts > 0), counts


def random_episode(rng: np.random.Generator) -> list[Step]:
    length = int(rng.integers(2, 8))
    states = [int(s) for s in rng.integers(1, 4, size=length)]
    return [
        Step(
            s,
            int(rng.integers(0, 3)),
            float(rng.integers(-3, 4)),
            states[t + 1] if t + 1 < length else 0,
            t + 1 == length,
        )
        for t, s in enumerate(states)
    ]


def check_random(module: ModuleType) -> None:
    episodes = random_cases(56, 5, random_episode)
    q, counts = module.first_visit_q(episodes, 4, 3, 0.9)
    expected_q, expected_counts = reference_q(episodes, 0.9)
    what = "first_visit_q(5 random episodes, 4 states, 3 actions, gamma 0.9)"
    expect_close(counts, expected_counts, f"{what}: counts")
    expect_close(q, expected_q, f"{what}: q")
    tried = expected_counts > 0
    expected_actions = np.where(
        tried.any(axis=1), np.argmax(np.where(tried, expected_q, -np.inf), axis=1), 0
    )
    expect_equal(
        np.asarray(module.greedy_from_q(expected_q, expected_counts)).tolist(),
        expected_actions.tolist(),
        f"greedy_from_q(q, counts) of those episodes, q = {np.round(expected_q, 3).tolist()}, "
        f"counts = {expected_counts.tolist()}",
    )


def check(module: ModuleType) -> None:
    check_q(get_function(module, "first_visit_q"))
    check_greedy(get_function(module, "greedy_from_q"))
    check_random(module)
