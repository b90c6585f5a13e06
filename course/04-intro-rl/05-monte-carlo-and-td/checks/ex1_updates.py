"""Check of exercise 1: every-visit sample-average MC and TD(0) on hand-made episodes
(worked out by hand in the comments) and on random ones against references written here."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_true,
    expect_type,
    get_function,
    random_cases,
)
from rlcourse.episodes import Step

# X -> Y -> X -> end (states 1, 2, 1; terminal 0), rewards 2, 0, 4, discount 0.5:
# G_2 = 4, G_1 = 0 + 0.5 * 4 = 2, G_0 = 2 + 0.5 * 2 = 3.
REVISIT = [
    Step(1, 0, 2.0, 2, False),
    Step(2, 0, 0.0, 1, False),
    Step(1, 1, 4.0, 0, True),
]


def check_mc(every_visit: Callable[..., Any]) -> None:
    values, counts = np.zeros(3), np.zeros(3)
    every_visit(values, counts, REVISIT, 0.5)
    if np.allclose(counts, [0.0, 1.0, 1.0]) and np.isclose(values[1], 3.0):
        raise CheckFailed(
            "every_visit_mc_average on X,Y,X: X counted once with its first return 3; "
            "every-visit Monte Carlo averages the returns of every visit (3 and 4)"
        )
    # X is visited twice, with returns 3 and 4: the average is 3.5. Y once: 2.
    expect_close(counts, np.array([0.0, 2.0, 1.0]), "counts after one episode (N(X)=2, N(Y)=1)")
    expect_close(
        values,
        np.array([0.0, 3.5, 2.0]),
        "every_visit_mc_average on X,Y,X with rewards 2,0,4, gamma 0.5: values "
        "(X's returns are G_0 = 3 and G_2 = 4, so V(X) = 3.5)",
    )
    # Earlier visits count: X had 2 visits averaging 3.5; one more episode X -> end, reward 9.
    every_visit(values, counts, [Step(1, 0, 9.0, 0, True)], 0.5)
    expect_close(
        values[1],
        (3.0 + 4.0 + 9.0) / 3,
        "V(X) after a second episode with return 9: the average of all three returns",
    )
    expect_close(counts[1], 3.0, "N(X) after the second episode")


def check_td(td0_episode: Callable[..., Any]) -> None:
    values = np.array([0.0, 1.0, 2.0])
    errors = td0_episode(values, REVISIT, 0.5, 0.5)
    # t=0: delta = 2 + 0.5 * V(Y)=2 -> 3 - V(X)=1 = 2,    V(X) = 1 + 0.5 * 2 = 2
    # t=1: delta = 0 + 0.5 * V(X)=2 -> 1 - V(Y)=2 = -1,  V(Y) = 2 - 0.5 = 1.5
    # t=2: terminated, delta = 4 - V(X)=2 = 2,           V(X) = 2 + 0.5 * 2 = 3
    error_list = expect_type(errors, list, "td0_episode's return value (the TD errors)")
    expect_close(
        np.array(error_list, dtype=np.float64),
        np.array([2.0, -1.0, 2.0]),
        "TD errors on X,Y,X with rewards 2,0,4, alpha 0.5, gamma 0.5, V = [0, 1, 2] before",
    )
    expect_close(values, np.array([0.0, 3.0, 1.5]), "values after td0_episode on that episode")

    truncated = [Step(1, 0, 1.0, 2, False)]  # the time limit ended the episode here
    values = np.array([0.0, 0.0, 10.0])
    td0_episode(values, truncated, 1.0, 0.9)
    expect_true(
        abs(values[1] - 10.0) < 1e-9,
        "an episode cut by the time limit (last step not terminated) must still bootstrap: "
        f"with alpha 1, V(X) should become 1 + 0.9 * 10 = 10, got {values[1]:g}",
    )


def random_episode(rng: np.random.Generator) -> list[Step]:
    """A walk over states 1..4 that ends (terminated) in state 0 after 2 to 8 steps."""
    length = int(rng.integers(2, 9))
    states = [int(s) for s in rng.integers(1, 5, size=length)]
    rewards = [float(r) for r in rng.integers(-3, 4, size=length)]
    return [
        Step(state, 0, reward, states[t + 1] if t + 1 < length else 0, t + 1 == length)
        for t, (state, reward) in enumerate(zip(states, rewards, strict=True))
    ]


def reference_mc(episodes: list[list[Step]], gamma: float) -> tuple[np.ndarray, np.ndarray]:
    """Every-visit sample averages: the mean of all returns seen from each state."""
    returns: list[list[float]] = [[] for _ in range(5)]
    for episode in episodes:
        for t, step in enumerate(episode):
            following = sum(gamma**k * later.reward for k, later in enumerate(episode[t:]))
            returns[step.state].append(following)
    values = np.array([np.mean(seen) if seen else 0.0 for seen in returns])
    return values, np.array([float(len(seen)) for seen in returns])


def check_random(module: ModuleType) -> None:
    episodes = random_cases(51, 6, random_episode)
    values, counts = np.zeros(5), np.zeros(5)
    for episode in episodes:
        module.every_visit_mc_average(values, counts, episode, 0.9)
    expected_values, expected_counts = reference_mc(episodes, 0.9)
    what = "after 6 random episodes (gamma 0.9)"
    expect_close(counts, expected_counts, f"every_visit_mc_average's counts {what}")
    expect_close(values, expected_values, f"every_visit_mc_average's values {what}")

    # The terminal state 0 holds 7, a number that a terminated step must never use.
    values = np.random.default_rng(52).normal(size=5)
    values[0] = 7.0
    expected = values.copy()
    for episode in episodes:
        got = np.array(module.td0_episode(values, episode, 0.3, 0.9), dtype=np.float64)
        deltas = []
        for step in episode:
            future = 0.0 if step.terminated else 0.9 * expected[step.next_state]
            deltas.append(step.reward + future - expected[step.state])
            expected[step.state] += 0.3 * deltas[-1]
        if got.shape == (len(deltas),) and np.isclose(got[-1], deltas[-1] + 0.9 * 7.0):
            raise CheckFailed(
                "td0_episode on a random episode: the step that terminated added gamma * "
                "V(S_{t+1}), with V(terminal) = 7 here: a terminal state has no future value"
            )
        expect_close(
            got,
            np.array(deltas),
            "td0_episode's TD errors on a random episode (alpha 0.3, gamma 0.9)",
        )
    expect_close(values, expected, f"td0_episode's values {what}, alpha 0.3")


def check(module: ModuleType) -> None:
    check_mc(get_function(module, "every_visit_mc_average"))
    check_td(get_function(module, "td0_episode"))
    check_random(module)
